package com.gitlab.support.handoff.intake;

import com.gitlab.support.handoff.connector.zendesk.ZendeskProperties;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * R1: starts one {@code salesHandoff} per Zendesk ticket. The row in {@code handoff_ticket} is the
 * lock: a second request for the same ticket, even at the same moment, waits on it and then sees the
 * running instance. Once that instance has ended, the ticket may be handed off again.
 */
@Service
public class HandoffIntake {

  public static final String PROCESS_KEY = "salesHandoff";

  private final RuntimeService runtime;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final ZendeskProperties zendesk;

  public HandoffIntake(RuntimeService runtime, JdbcTemplate jdbc, PlatformTransactionManager transactions,
      ZendeskProperties zendesk) {
    this.runtime = runtime;
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(transactions);
    this.zendesk = zendesk;
  }

  public IntakeResult start(HandoffRequest request, String requestedBy) {
    String ticketId = request.ticketId();
    try {
      return transaction.execute(status -> {
        jdbc.update("INSERT INTO handoff_ticket (ticket_id, process_instance_id, started_at) VALUES (?, NULL, ?)",
            ticketId, Timestamp.from(Instant.now()));
        return startInstance(request, requestedBy);
      });
    } catch (DuplicateKeyException ticketKnown) {
      return transaction.execute(status -> {
        List<String> current = jdbc.queryForList(
            "SELECT process_instance_id FROM handoff_ticket WHERE ticket_id = ? FOR UPDATE", String.class, ticketId);
        String instanceId = current.isEmpty() ? null : current.get(0);
        if (instanceId != null && isRunning(instanceId)) {
          return IntakeResult.alreadyRunning(instanceId, ticketId);
        }
        return startInstance(request, requestedBy);
      });
    }
  }

  private IntakeResult startInstance(HandoffRequest request, String requestedBy) {
    String instanceId = runtime.startProcessInstanceByKey(PROCESS_KEY, request.ticketId(), variablesOf(request, requestedBy))
        .getId();
    jdbc.update("UPDATE handoff_ticket SET process_instance_id = ?, started_at = ? WHERE ticket_id = ?",
        instanceId, Timestamp.from(Instant.now()), request.ticketId());
    return IntakeResult.started(instanceId, request.ticketId());
  }

  private boolean isRunning(String processInstanceId) {
    return runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0;
  }

  private VariableMap variablesOf(HandoffRequest request, String requestedBy) {
    return Variables.createVariables()
        .putValue("ticketId", request.ticketId())
        .putValue("ticketUrl", ticketUrl(request.ticketId()))
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
        .putValue("requestedBy", requestedBy);
  }

  private String ticketUrl(String ticketId) {
    String base = zendesk.isSandbox() ? "https://gitlab.zendesk.com" : zendesk.baseUrl().replaceAll("/+$", "");
    return base + "/agent/tickets/" + ticketId;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
