package com.gitlab.support.handoff.operations;

import com.gitlab.support.handoff.metrics.CachedReading;
import com.gitlab.support.handoff.metrics.MetricsProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.sql.Timestamp;
import java.util.function.ToLongFunction;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the Camunda starter does not expose to Micrometer: the cluster's job backlog and its open
 * incidents, read from the shared database (every node shows the same values; alert on one), all five
 * counts together at most once per {@code handoff.metrics.cache-for}, however often they are scraped.
 *
 * <ul>
 *   <li>{@code handoff.jobs.backlog}: jobs due now with retries left: work waiting for a job executor.
 *   <li>{@code handoff.jobs.due-timers}: of those, timers (escalations that should have fired).
 *   <li>{@code handoff.jobs.locked}: of those, the jobs a node has acquired and not yet finished.
 *   <li>{@code handoff.jobs.failed}: jobs out of retries, each with an incident in Cockpit.
 *   <li>{@code handoff.incidents.open}: open incidents of every kind.
 * </ul>
 *
 * The due-job counts are range scans of {@code HANDOFF_IDX_JOB_DUE} ({@link JobAcquisitionIndex}) up to
 * now, so timers waiting for next week cost nothing.
 */
@Component
public class JobBacklogMetrics implements MeterBinder {

  /** The five counts of one reading. */
  public record Counts(long backlog, long dueTimers, long locked, long failed, long openIncidents) {}

  private final ManagementService management;
  private final RuntimeService runtime;
  private final JdbcTemplate jdbc;
  private final String lockedSql;
  private final CachedReading<Counts> counts;

  public JobBacklogMetrics(ManagementService management, RuntimeService runtime, ProcessEngine engine, JdbcTemplate jdbc,
      MetricsProperties properties) {
    this.management = management;
    this.runtime = runtime;
    this.jdbc = jdbc;
    String prefix = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDatabaseTablePrefix();
    // Only a due job can be acquired, so a locked job is due: the range of HANDOFF_IDX_JOB_DUE up to now.
    this.lockedSql = "SELECT COUNT(*) FROM " + (prefix == null ? "" : prefix) + "ACT_RU_JOB"
        + " WHERE DUEDATE_ <= ? AND LOCK_EXP_TIME_ > ?";
    this.counts = new CachedReading<>(this::read, properties.cacheFor());
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    gauge(registry, "handoff.jobs.backlog", "Jobs due now with retries left, not yet executed", Counts::backlog);
    gauge(registry, "handoff.jobs.due-timers", "Timer jobs due now, not yet fired", Counts::dueTimers);
    gauge(registry, "handoff.jobs.locked", "Jobs due now that a node has acquired and not yet finished", Counts::locked);
    gauge(registry, "handoff.jobs.failed", "Jobs out of retries (each has an incident)", Counts::failed);
    gauge(registry, "handoff.incidents.open", "Open incidents", Counts::openIncidents);
  }

  private void gauge(MeterRegistry registry, String name, String description, ToLongFunction<Counts> count) {
    Gauge.builder(name, this, metrics -> count.applyAsLong(metrics.counts.get())).description(description).register(registry);
  }

  /** The last reading, at most {@code handoff.metrics.cache-for} old. */
  public Counts counts() {
    return counts.get();
  }

  /** Executable jobs now, read from the database: due (or without due date), retries left, not suspended. */
  public long backlog() {
    return management.createJobQuery().executable().count();
  }

  /** Jobs due now whose lock has not expired: a node acquired them and has not finished them. */
  long locked() {
    Timestamp now = new Timestamp(ClockUtil.getCurrentTime().getTime());
    Long locked = jdbc.queryForObject(lockedSql, Long.class, now, now);
    return locked == null ? 0 : locked;
  }

  private Counts read() {
    return new Counts(
        backlog(),
        management.createJobQuery().timers().executable().count(),
        locked(),
        management.createJobQuery().noRetriesLeft().count(),
        runtime.createIncidentQuery().count());
  }
}
