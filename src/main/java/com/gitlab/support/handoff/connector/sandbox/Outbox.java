package com.gitlab.support.handoff.connector.sandbox;

import com.gitlab.support.handoff.connector.ExternalSystem;
import java.sql.Timestamp;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The sandbox's record of side effects, kept in the application database so every node of a cluster
 * sees one list.
 */
@Component
public class Outbox {

  private final JdbcTemplate jdbc;

  public Outbox(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void record(ExternalSystem system, String action, String target, String text) {
    jdbc.update(
        "INSERT INTO sandbox_outbox (system_name, action, ticket_id, target, text, recorded_at) VALUES (?, ?, ?, ?, ?, ?)",
        system.name(), action, OutboxContext.ticketId(), target, text,
        new Timestamp(ClockUtil.getCurrentTime().getTime()));
  }

  /** Every recorded side effect, oldest first. */
  public List<OutboxEntry> entries() {
    return jdbc.query(
        "SELECT system_name, action, ticket_id, target, text, recorded_at FROM sandbox_outbox ORDER BY id",
        (rs, i) -> new OutboxEntry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getTimestamp(6).toInstant()));
  }
}
