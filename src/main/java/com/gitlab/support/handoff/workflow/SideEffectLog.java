package com.gitlab.support.handoff.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Remembers every side effect that succeeded, with what it returned. It commits on its own
 * transaction, so a job rolled back after the remote call (a crash, an optimistic-locking clash)
 * finds the record on retry and does not call again.
 */
@Component
public class SideEffectLog {

  private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;
  private final ObjectMapper json;

  public SideEffectLog(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
    this.ownTransaction = new TransactionTemplate(transactionManager);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  public Optional<Map<String, Object>> find(String key) {
    List<String> results = ownTransaction.execute(status -> jdbc.queryForList(
        "SELECT result_json FROM side_effect_log WHERE effect_key = ?", String.class, key));
    return results == null || results.isEmpty() ? Optional.empty() : Optional.of(parse(results.get(0)));
  }

  public void record(String key, Map<String, Object> result) {
    String value = write(result);
    try {
      ownTransaction.executeWithoutResult(status -> jdbc.update(
          "INSERT INTO side_effect_log (effect_key, result_json, recorded_at) VALUES (?, ?, ?)",
          key, value, Timestamp.from(Instant.now())));
    } catch (DuplicateKeyException alreadyRecorded) {
      // Another node ran the same job after a lock timeout; the first record stands.
    }
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
