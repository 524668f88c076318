package com.gitlab.support.handoff.connector.zendesk;

/** Updates Zendesk tickets; a real REST client or the sandbox implements it. */
public interface ZendeskConnector {

  void updateTicket(TicketUpdate update);
}
