package com.gitlab.support.handoff.intake;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * R1: which handoff a Zendesk ticket has. The ticket's row is locked while a handoff starts, so two
 * starts for one ticket, on one node or two, run one after the other and the second sees the first.
 */
@Component
public class TicketRegistry {

  private final JdbcTemplate jdbc;
  private final RuntimeService runtime;

  public TicketRegistry(JdbcTemplate jdbc, RuntimeService runtime) {
    this.jdbc = jdbc;
    this.runtime = runtime;
  }

  /**
   * Records {@code processInstanceId} as the ticket's handoff, in the caller's transaction.
   *
   * @throws HandoffAlreadyRunningException when another handoff of the ticket is still running
   * @throws org.springframework.dao.DuplicateKeyException when a concurrent first start won the race;
   *     the caller retries in a new transaction and then sees the winner
   */
  public void claim(String ticketId, String processInstanceId) {
    List<String> current = jdbc.queryForList(
        "SELECT process_instance_id FROM handoff_ticket WHERE ticket_id = ? FOR UPDATE", String.class, ticketId);
    Timestamp now = Timestamp.from(Instant.now());
    if (current.isEmpty()) {
      jdbc.update("INSERT INTO handoff_ticket (ticket_id, process_instance_id, started_at) VALUES (?, ?, ?)",
          ticketId, processInstanceId, now);
      return;
    }
    String running = current.get(0);
    if (running != null && !running.equals(processInstanceId) && isRunning(running)) {
      throw new HandoffAlreadyRunningException(ticketId, running);
    }
    jdbc.update("UPDATE handoff_ticket SET process_instance_id = ?, started_at = ? WHERE ticket_id = ?",
        processInstanceId, now, ticketId);
  }

  private boolean isRunning(String processInstanceId) {
    return runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0;
  }
}
