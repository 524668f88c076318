package com.gitlab.support.handoff.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * What the Camunda starter does not expose to Micrometer: the cluster's job backlog and its open
 * incidents, read from the shared database whenever the metrics are read (every node shows the same
 * values; alert on one).
 *
 * <ul>
 *   <li>{@code handoff.jobs.backlog}: jobs due now with retries left: work waiting for a job executor.
 *   <li>{@code handoff.jobs.due-timers}: of those, timers (escalations that should have fired).
 *   <li>{@code handoff.jobs.failed}: jobs out of retries, each with an incident in Cockpit.
 *   <li>{@code handoff.incidents.open}: open incidents of every kind.
 * </ul>
 */
@Component
public class JobBacklogMetrics implements MeterBinder {

  private final ManagementService management;
  private final RuntimeService runtime;

  public JobBacklogMetrics(ManagementService management, RuntimeService runtime) {
    this.management = management;
    this.runtime = runtime;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("handoff.jobs.backlog", this, JobBacklogMetrics::backlog)
        .description("Jobs due now with retries left, not yet executed").register(registry);
    Gauge.builder("handoff.jobs.due-timers", this, m -> m.management.createJobQuery().timers().executable().count())
        .description("Timer jobs due now, not yet fired").register(registry);
    Gauge.builder("handoff.jobs.failed", this, m -> m.management.createJobQuery().noRetriesLeft().count())
        .description("Jobs out of retries (each has an incident)").register(registry);
    Gauge.builder("handoff.incidents.open", this, m -> m.runtime.createIncidentQuery().count())
        .description("Open incidents").register(registry);
  }

  /** Executable jobs: due (or without due date), retries left, not suspended. */
  public long backlog() {
    return management.createJobQuery().executable().count();
  }
}
