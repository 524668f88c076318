package com.gitlab.support.handoff.connector.zendesk;

import org.springframework.stereotype.Component;

/** The agent-view link of a ticket, which Chatter posts and cases carry (R9, R12, R14). */
@Component
public class TicketLinks {

  /** Where tickets live when no Zendesk is configured (the sandbox). */
  private static final String SANDBOX_BASE = "https://gitlab.zendesk.com";

  private final ZendeskProperties zendesk;

  public TicketLinks(ZendeskProperties zendesk) {
    this.zendesk = zendesk;
  }

  public String urlOf(String ticketId) {
    String base = zendesk.isSandbox() ? SANDBOX_BASE : zendesk.baseUrl().replaceAll("/+$", "");
    return base + "/agent/tickets/" + ticketId;
  }
}
