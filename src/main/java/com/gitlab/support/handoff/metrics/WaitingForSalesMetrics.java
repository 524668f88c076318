package com.gitlab.support.handoff.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code handoff.waiting.for.sales} (tag {@code level}): the running {@code awaitSalesConfirmation}
 * instances, that is the handoffs waiting for Sales' confirmation, by the rung of the escalation ladder
 * they reached, the process variable {@code escalationLevel}: 0 the salesperson first asked, 1 their
 * manager, 2 the manager's manager, …, up to the top of the org chart (R11).
 *
 * <p>One query, on the index {@code ACT_IDX_VARIABLE_TASK_NAME_TYPE} (task id null, variable name), so
 * its cost grows with the number of waiting handoffs, not with all variables; read at most once per
 * {@code handoff.metrics.cache-for}. A level once seen keeps its gauge (0 when nobody waits there), so
 * an alert on a level does not lose its series.
 */
@Component
public class WaitingForSalesMetrics implements MeterBinder {

  public static final String METER = "handoff.waiting.for.sales";
  static final String PROCESS = "awaitSalesConfirmation";
  static final String VARIABLE = "escalationLevel";

  private final JdbcTemplate jdbc;
  private final String sql;
  private final CachedReading<Map<Long, Long>> counts;
  private final Set<Long> registered = ConcurrentHashMap.newKeySet();
  private volatile MeterRegistry registry;

  public WaitingForSalesMetrics(JdbcTemplate jdbc, ProcessEngine engine, MetricsProperties properties) {
    this.jdbc = jdbc;
    String prefix = tablePrefix(engine);
    this.sql = "SELECT V.LONG_ AS LEVEL_, COUNT(*) AS WAITING_ FROM " + prefix + "ACT_RU_VARIABLE V"
        + " JOIN " + prefix + "ACT_RE_PROCDEF D ON D.ID_ = V.PROC_DEF_ID_"
        + " WHERE V.TASK_ID_ IS NULL AND V.NAME_ = ? AND V.EXECUTION_ID_ = V.PROC_INST_ID_ AND D.KEY_ = ?"
        + " GROUP BY V.LONG_";
    this.counts = new CachedReading<>(this::read, properties.cacheFor());
  }

  static String tablePrefix(ProcessEngine engine) {
    String prefix = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDatabaseTablePrefix();
    return prefix == null ? "" : prefix;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    this.registry = registry;
    register(0L);
  }

  /** Handoffs waiting at each level reached, levels without any left out. */
  public Map<Long, Long> waitingByLevel() {
    return counts.get();
  }

  private Map<Long, Long> read() {
    Map<Long, Long> byLevel = new TreeMap<>();
    jdbc.query(sql, row -> {
      long level = row.getLong("LEVEL_");
      if (!row.wasNull()) {
        byLevel.merge(level, row.getLong("WAITING_"), Long::sum);
      }
    }, VARIABLE, PROCESS);
    byLevel.keySet().forEach(this::register);
    return byLevel;
  }

  private void register(Long level) {
    MeterRegistry meters = registry;
    if (meters != null && registered.add(level)) {
      Gauge.builder(METER, this, metrics -> metrics.waitingByLevel().getOrDefault(level, 0L))
          .tag("level", String.valueOf(level))
          .description("Handoffs waiting for Sales' confirmation, by escalation level reached (0: the salesperson asked first)")
          .register(meters);
    }
  }
}
