package com.gitlab.support.handoff.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Remembers every side effect begun and every one done, with what it returned. Each write commits on
 * its own transaction, so what it says survives the job rolling back (a crash, an optimistic-locking
 * clash, a node killed mid-job):
 *
 * <ul>
 *   <li>{@link Pending}: an attempt claimed the side effect at {@code attemptedAt} and has not recorded
 *       how it ended. It may have been cut off before its call, during it, or after it.
 *   <li>{@link Done}: the side effect happened; a retry uses the result instead of calling again.
 * </ul>
 *
 * <p>Times are the servers' wall clock, not the engine clock a test may move: they are compared with
 * the remote systems' timestamps and with how long a call can take.
 */
@Component
public class SideEffectLog {

  private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};
  private static final String PENDING = "PENDING";
  private static final String DONE = "DONE";

  /** What the log knows of one side effect. */
  public sealed interface Entry permits Pending, Done {}

  /** Begun at {@code attemptedAt}, outcome unknown. */
  public record Pending(Instant attemptedAt) implements Entry {}

  /** Done, with what the remote system returned. */
  public record Done(Map<String, Object> result) implements Entry {}

  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;
  private final ObjectMapper json;
  private final Clock clock;

  @Autowired
  public SideEffectLog(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, ObjectMapper json) {
    this(jdbc, transactionManager, json, Clock.systemUTC());
  }

  SideEffectLog(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, ObjectMapper json, Clock clock) {
    this.jdbc = jdbc;
    this.json = json;
    this.clock = clock;
    this.ownTransaction = new TransactionTemplate(transactionManager);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  public Optional<Entry> find(String key) {
    List<Entry> entries = ownTransaction.execute(status -> jdbc.query(
        "SELECT state, result_json, attempted_at FROM side_effect_log WHERE effect_key = ?",
        (rs, i) -> PENDING.equals(rs.getString(1))
            ? new Pending(rs.getTimestamp(3).toInstant())
            : new Done(parse(rs.getString(2))),
        key));
    return entries == null || entries.isEmpty() ? Optional.empty() : Optional.of(entries.get(0));
  }

  /**
   * Claims the side effect for this attempt before its remote call. False when the log already has it:
   * done, or claimed by an earlier attempt or by another node at this moment.
   */
  public boolean claim(String key, String processInstanceId) {
    Timestamp now = Timestamp.from(clock.instant());
    try {
      ownTransaction.executeWithoutResult(status -> jdbc.update(
          "INSERT INTO side_effect_log (effect_key, process_instance_id, state, attempted_at, recorded_at)"
              + " VALUES (?, ?, ?, ?, ?)",
          key, processInstanceId, PENDING, now, now));
      return true;
    } catch (DuplicateKeyException alreadyThere) {
      return false;
    }
  }

  /**
   * Takes over a pending side effect whose earlier attempt, begun at {@code attemptedAt}, did not do
   * it: this attempt starts now. False when another attempt took it over first.
   */
  public boolean reclaim(String key, Instant attemptedAt) {
    Timestamp now = Timestamp.from(clock.instant());
    Integer updated = ownTransaction.execute(status -> jdbc.update(
        "UPDATE side_effect_log SET attempted_at = ?, recorded_at = ? WHERE effect_key = ? AND state = ? AND attempted_at = ?",
        now, now, key, PENDING, Timestamp.from(attemptedAt)));
    return updated != null && updated == 1;
  }

  /** The side effect happened: a retry of the job, on any node, uses this result. */
  public void record(String key, String processInstanceId, Map<String, Object> result) {
    String value = write(result);
    Timestamp now = Timestamp.from(clock.instant());
    Integer updated = ownTransaction.execute(status -> jdbc.update(
        "UPDATE side_effect_log SET state = ?, result_json = ?, recorded_at = ? WHERE effect_key = ? AND state = ?",
        DONE, value, now, key, PENDING));
    if (updated == null || updated == 0) {
      try {
        ownTransaction.executeWithoutResult(status -> jdbc.update(
            "INSERT INTO side_effect_log (effect_key, process_instance_id, state, result_json, recorded_at)"
                + " VALUES (?, ?, ?, ?, ?)",
            key, processInstanceId, DONE, value, now));
      } catch (DuplicateKeyException alreadyDone) {
        // Another node recorded it first; the first record stands.
      }
    }
  }

  /** The remote system answered that it did nothing: the next attempt may call again without asking. */
  public void release(String key) {
    ownTransaction.executeWithoutResult(status -> jdbc.update(
        "DELETE FROM side_effect_log WHERE effect_key = ? AND state = ?", key, PENDING));
  }

  /** Up to {@code limit} process instances with side effects recorded before {@code before}, oldest first. */
  public List<String> instancesRecordedBefore(Instant before, int limit) {
    return ownTransaction.execute(status -> jdbc.query(
        "SELECT process_instance_id FROM side_effect_log WHERE recorded_at < ? AND process_instance_id IS NOT NULL"
            + " GROUP BY process_instance_id ORDER BY min(recorded_at)",
        ps -> {
          ps.setTimestamp(1, Timestamp.from(before));
          ps.setMaxRows(limit);
        },
        (rs, i) -> rs.getString(1)));
  }

  /** Forgets the side effects of process instances that have ended; returns how many rows went. */
  public int forget(List<String> endedInstances) {
    int removed = 0;
    for (String instance : endedInstances) {
      Integer rows = ownTransaction.execute(status -> jdbc.update(
          "DELETE FROM side_effect_log WHERE process_instance_id = ?", instance));
      removed += rows == null ? 0 : rows;
    }
    return removed;
  }

  Instant now() {
    return clock.instant();
  }

  private Map<String, Object> parse(String value) {
    try {
      return value == null ? Map.of() : json.readValue(value, MAP);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Unreadable side-effect record: " + e.getOriginalMessage(), e);
    }
  }

  private String write(Map<String, Object> result) {
    try {
      return json.writeValueAsString(result);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Side-effect result cannot be recorded: " + e.getOriginalMessage(), e);
    }
  }
}
