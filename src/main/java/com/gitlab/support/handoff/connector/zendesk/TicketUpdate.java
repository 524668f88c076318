package com.gitlab.support.handoff.connector.zendesk;

import java.util.List;

/**
 * One update of a Zendesk ticket; null fields are left as they are.
 *
 * @param status new, open, pending, hold, solved
 * @param assigneeEmail the engineer the ticket is assigned to
 * @param escalatedToSales ticks or clears the "Escalated to sales" field
 * @param publicReply a reply the customer sees
 * @param internalNote a note only agents see
 * @param ccEmails people to copy on the ticket (R17: the TAM)
 */
public record TicketUpdate(
    String ticketId,
    String status,
    String assigneeEmail,
    Boolean escalatedToSales,
    String publicReply,
    String internalNote,
    List<String> ccEmails) {

  public TicketUpdate {
    ccEmails = ccEmails == null ? List.of() : List.copyOf(ccEmails);
  }
}
