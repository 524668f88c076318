package com.gitlab.support.handoff.connector.sandbox;

import com.gitlab.support.handoff.connector.ExternalSystem;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sandbox's record of side effects, kept in the application database so every node of a cluster
 * sees one list.
 *
 * <p>Each record commits on its own transaction, as a call to the real system would stay done when the
 * job that made it rolls back (a crash, a node shut down mid-job): the outbox then shows exactly what
 * the real systems would have received, duplicates included.
 */
@Component
public class Outbox {

  /** A sandbox call is one insert; this leaves room for a database under load. */
  public static final Duration LONGEST_CALL = Duration.ofSeconds(5);

  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;

  public Outbox(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactionManager);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /**
   * @param effectKey the side effect's key, kept as Slack keeps it in message metadata; null for a
   *     change that may be repeated harmlessly
   * @param reference what the sandbox answered (a message ts, a record id), or null
   */
  public void record(ExternalSystem system, String action, String target, String text, String effectKey,
      String reference) {
    String ticketId = OutboxContext.ticketId();
    ownTransaction.executeWithoutResult(status -> jdbc.update(
        "INSERT INTO sandbox_outbox (system_name, action, ticket_id, target, text, effect_key, reference, recorded_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        system.name(), action, ticketId, target, text, effectKey, reference,
        new Timestamp(ClockUtil.getCurrentTime().getTime())));
  }

  /**
   * What the sandbox answered to the side effect with this key: how a job cut off mid-call learns
   * that its call was made. An empty string when it was made and answered nothing.
   */
  public Optional<String> find(String effectKey) {
    return jdbc.query("SELECT reference FROM sandbox_outbox WHERE effect_key = ? ORDER BY id",
            (rs, i) -> Objects.requireNonNullElse(rs.getString(1), ""), effectKey)
        .stream().findFirst();
  }

  /** Every recorded side effect, oldest first. */
  public List<OutboxEntry> entries() {
    return jdbc.query(
        "SELECT system_name, action, ticket_id, target, text, recorded_at FROM sandbox_outbox ORDER BY id",
        (rs, i) -> new OutboxEntry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getTimestamp(6).toInstant()));
  }
}
