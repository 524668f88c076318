package com.gitlab.support.handoff.intake;

/** R1: the ticket already has a running handoff; nothing new starts. */
public class HandoffAlreadyRunningException extends RuntimeException {

  private final String ticketId;
  private final String processInstanceId;

  public HandoffAlreadyRunningException(String ticketId, String processInstanceId) {
    super("Ticket " + ticketId + " already has a running handoff (process instance " + processInstanceId
        + "): nothing new was started");
    this.ticketId = ticketId;
    this.processInstanceId = processInstanceId;
  }

  public String ticketId() {
    return ticketId;
  }

  public String processInstanceId() {
    return processInstanceId;
  }
}
