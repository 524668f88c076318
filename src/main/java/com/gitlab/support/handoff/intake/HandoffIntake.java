package com.gitlab.support.handoff.intake;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts {@code salesHandoff} for a ticket. R1 is kept by the start event's listener
 * ({@link TicketRegistry}); here its refusal becomes the "duplicate" answer, and a lost race for a
 * ticket's first start is tried once more, when it finds the winner.
 */
@Service
public class HandoffIntake {

  public static final String PROCESS_KEY = "salesHandoff";

  private final RuntimeService runtime;
  private final TransactionTemplate transaction;

  public HandoffIntake(RuntimeService runtime, PlatformTransactionManager transactions) {
    this.runtime = runtime;
    this.transaction = new TransactionTemplate(transactions);
  }

  public IntakeResult start(HandoffRequest request, String requestedBy) {
    try {
      return startOnce(request, requestedBy);
    } catch (DuplicateKeyException concurrentFirstStart) {
      return startOnce(request, requestedBy);
    }
  }

  private IntakeResult startOnce(HandoffRequest request, String requestedBy) {
    try {
      return transaction.execute(status -> IntakeResult.started(
          runtime.startProcessInstanceByKey(PROCESS_KEY, request.ticketId(), variablesOf(request, requestedBy)).getId(),
          request.ticketId()));
    } catch (RuntimeException e) {
      HandoffAlreadyRunningException running = causeOf(e, HandoffAlreadyRunningException.class);
      if (running != null) {
        return IntakeResult.alreadyRunning(running.processInstanceId(), running.ticketId());
      }
      DuplicateKeyException race = causeOf(e, DuplicateKeyException.class);
      throw race != null ? race : e;
    }
  }

  private static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }
  private VariableMap variablesOf(HandoffRequest request, String requestedBy) {
    return Variables.createVariables()
        .putValue("ticketId", request.ticketId())
        .putValue("requesterEmail", request.requesterEmail().trim().toLowerCase())
        .putValue("requestType", request.requestType())
        .putValue("summary", request.summary())
        .putValue("engineer", blankToNull(request.engineer()))
        .putValue("priority", request.priority() == null ? "normal" : request.priority())
        .putValue("hasSalesforceAccess", request.hasSalesforceAccess() == null || request.hasSalesforceAccess())
        .putValue("tier", request.tier())
        .putValue("nearExpiry", request.nearExpiry())
        .putValue("newSubscription", request.newSubscription())
        .putValue("inRenewalPeriod", request.inRenewalPeriod())
        .putValue("seatsNeeded", request.seatsNeeded())
        .putValue("tamReason", blankToNull(request.tamReason()))
        .putValue("requestedBy", requestedBy);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
