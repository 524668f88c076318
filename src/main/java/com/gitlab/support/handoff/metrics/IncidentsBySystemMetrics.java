package com.gitlab.support.handoff.metrics;

import com.gitlab.support.handoff.connector.ExternalSystem;
import com.gitlab.support.handoff.connector.SystemClientObservationConvention;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code handoff.incidents.by-system} (tag {@code system}: {@code salesforce}, {@code zendesk},
 * {@code slack}, {@code other}): open incidents by the outside system that failed
 * ({@link IncidentSystems}). Each failure counts once: an incident in a called process is also shown
 * on every calling process by the engine; only the one where it happened (its root cause) is counted.
 * {@code ACT_RU_INCIDENT} holds only open incidents, so it stays small; read at most once per
 * {@code handoff.metrics.cache-for}.
 */
@Component
public class IncidentsBySystemMetrics implements MeterBinder {

  public static final String METER = "handoff.incidents.by-system";

  private final JdbcTemplate jdbc;
  private final IncidentSystems systems;
  private final String sql;
  private final CachedReading<Map<String, Long>> counts;

  public IncidentsBySystemMetrics(JdbcTemplate jdbc, ProcessEngine engine, MetricsProperties properties) {
    this.jdbc = jdbc;
    this.systems = new IncidentSystems(engine.getRepositoryService());
    this.sql = "SELECT INCIDENT_MSG_, PROC_DEF_ID_, ACTIVITY_ID_ FROM " + WaitingForSalesMetrics.tablePrefix(engine)
        + "ACT_RU_INCIDENT WHERE ROOT_CAUSE_INCIDENT_ID_ IS NULL OR ROOT_CAUSE_INCIDENT_ID_ = ID_";
    this.counts = new CachedReading<>(this::read, properties.cacheFor());
  }

  /** {@code salesforce}, {@code zendesk}, {@code slack}, {@code other}. */
  static List<String> tags() {
    List<String> tags = new ArrayList<>();
    for (ExternalSystem system : ExternalSystem.values()) {
      tags.add(SystemClientObservationConvention.tagValue(system));
    }
    tags.add(IncidentSystems.OTHER);
    return tags;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (String system : tags()) {
      Gauge.builder(METER, this, metrics -> metrics.openBySystem().getOrDefault(system, 0L))
          .tag("system", system)
          .description("Open incidents by the outside system that failed (root causes only)")
          .register(registry);
    }
  }

  /** Open root-cause incidents per system tag. */
  public Map<String, Long> openBySystem() {
    return counts.get();
  }

  private Map<String, Long> read() {
    Map<String, Long> bySystem = new HashMap<>();
    jdbc.query(sql, row -> {
      String system = systems.of(row.getString("INCIDENT_MSG_"), row.getString("PROC_DEF_ID_"), row.getString("ACTIVITY_ID_"));
      bySystem.merge(system, 1L, Long::sum);
    });
    return bySystem;
  }
}
