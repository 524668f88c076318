package com.gitlab.support.handoff.reports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Read-only SQL on Camunda's history tables (ACT_HI_PROCINST, ACT_HI_ACTINST, ACT_HI_VARINST), the same
 * on H2 and PostgreSQL. The reports aggregate over tens of thousands of instances, which the engine's
 * query API would load one object each; the columns read here are the engine's documented history
 * schema, kept at history level {@code audit}. Table names carry the engine's table prefix.
 */
@Component
public class ReportHistory {

  private final NamedParameterJdbcTemplate jdbc;
  private final String prefix;

  public ReportHistory(ProcessEngine engine) {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    this.jdbc = new NamedParameterJdbcTemplate(configuration.getDataSource());
    String tablePrefix = configuration.getDatabaseTablePrefix();
    this.prefix = tablePrefix == null ? "" : tablePrefix;
  }

  /**
   * Runs {@code sql} whose tables are written {@code {ACT_HI_PROCINST}} etc. (the prefix is put in), with
   * named parameters; instants are passed as timestamps.
   */
  public <T> List<T> query(String sql, Map<String, ?> parameters, RowMapper<T> rows) {
    MapSqlParameterSource source = new MapSqlParameterSource();
    parameters.forEach((name, value) -> source.addValue(name, value instanceof Instant instant ? Timestamp.from(instant) : value));
    return jdbc.query(sql.replaceAll("\\{(ACT_\\w+)}", prefix + "$1"), source, rows);
  }

  /** A timestamp column as an instant, or null. */
  static Instant instant(ResultSet row, String column) throws SQLException {
    Timestamp value = row.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }
}
