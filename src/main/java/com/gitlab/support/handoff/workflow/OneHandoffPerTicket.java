package com.gitlab.support.handoff.workflow;

import com.gitlab.support.handoff.intake.TicketRegistry;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * R1, on the start event of {@code salesHandoff}: the ticket id becomes the business key, and a
 * ticket with a running handoff refuses the start, whether it came from the API or from Tasklist.
 */
@Component("oneHandoffPerTicket")
public class OneHandoffPerTicket implements ExecutionListener {

  /** What this delegate reads; its element template offers exactly these. */
  public static final Inputs INPUTS = new Inputs();
  private static final Input TICKET_ID = INPUTS.required("ticketId");

  private final TicketRegistry tickets;

  public OneHandoffPerTicket(TicketRegistry tickets) {
    this.tickets = tickets;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String ticketId = TICKET_ID.text(execution).trim();
    if (execution.getProcessBusinessKey() == null || execution.getProcessBusinessKey().isBlank()) {
      execution.setProcessBusinessKey(ticketId);
    } else if (!execution.getProcessBusinessKey().equals(ticketId)) {
      throw new IllegalArgumentException("The business key must be the ticket id " + ticketId
          + ", not " + execution.getProcessBusinessKey());
    }
    tickets.claim(ticketId, execution.getProcessInstanceId());
  }
}
