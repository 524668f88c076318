package com.gitlab.support.handoff.connector.sandbox;

import com.gitlab.support.handoff.connector.ExternalSystem;
import com.gitlab.support.handoff.connector.zendesk.TicketUpdate;
import com.gitlab.support.handoff.connector.zendesk.ZendeskConnector;
import java.time.Duration;
import java.time.Instant;

/** Records ticket updates in the outbox instead of sending them to Zendesk. */
public class SandboxZendeskConnector implements ZendeskConnector {

  private final Outbox outbox;

  public SandboxZendeskConnector(Outbox outbox) {
    this.outbox = outbox;
  }

  @Override
  public void updateTicket(TicketUpdate update, String effectKey) {
    StringBuilder text = new StringBuilder();
    SandboxSalesforceConnector.append(text, "status", update.status());
    SandboxSalesforceConnector.append(text, "assignee", update.assigneeEmail());
    SandboxSalesforceConnector.append(text, "Escalated to sales", update.escalatedToSales());
    SandboxSalesforceConnector.append(text, "cc", update.ccEmails().isEmpty() ? null : String.join(", ", update.ccEmails()));
    SandboxSalesforceConnector.append(text, "public reply", update.publicReply());
    SandboxSalesforceConnector.append(text, "internal note", update.internalNote());
    outbox.record(ExternalSystem.ZENDESK, "TICKET_UPDATE", update.ticketId(), text.toString(), effectKey, null);
  }

  @Override
  public boolean hasUpdate(TicketUpdate update, String effectKey, Instant since) {
    return outbox.find(effectKey).isPresent();
  }

  @Override
  public Duration longestCall() {
    return Outbox.LONGEST_CALL;
  }
}
