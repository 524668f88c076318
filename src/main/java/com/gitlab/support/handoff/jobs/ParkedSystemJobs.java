package com.gitlab.support.handoff.jobs;

import com.gitlab.support.handoff.connector.ConnectorException;
import com.gitlab.support.handoff.jobs.JobPostponements.Postponed;
import com.gitlab.support.handoff.jobs.JobPostponements.Reason;
import java.time.Instant;
import java.util.Optional;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A job that failed because its system looks down ({@link SystemOutages}: many failures of that
 * system in a short time) waits until the system's probe time and gets back the retry the engine
 * counted, so that an outage does not burn every job's retries at once. While the system is not
 * parked, failures take the engine's retry cycle as always. A job is parked for at most
 * {@code handoff.jobs.outages.max-parking} after its first parking; then the retry cycle applies and
 * an outage that long ends in incidents.
 */
@Component
@Order(2)
public class ParkedSystemJobs implements FailedJobRule {

  private static final Logger LOG = LoggerFactory.getLogger(ParkedSystemJobs.class);

  private final SystemOutages outages;
  private final JobPostponements postponements;
  private final FailedJobProperties.Outages settings;

  public ParkedSystemJobs(SystemOutages outages, JobPostponements postponements, FailedJobProperties properties) {
    this.outages = outages;
    this.postponements = postponements;
    this.settings = properties.outages();
  }

  @Override
  public boolean appliesTo(Throwable failure) {
    return unavailable(failure).isPresent();
  }

  @Override
  public Optional<Instant> postponeUntil(JobEntity job, Throwable failure, Instant now) {
    ConnectorException down = unavailable(failure).orElseThrow();
    Optional<Instant> parkedUntil = outages.failed(down.system(), now);
    if (parkedUntil.isEmpty()) {
      return Optional.empty();
    }
    Postponed parked = postponements.count(job.getId(), Reason.OUTAGE, now);
    if (!now.isBefore(parked.firstAt().plus(settings.maxParking()))) {
      LOG.warn("Job {} ({}): {} has been down since its first parking at {}, longer than {}; its retries count now",
          job.getId(), job.getActivityId(), down.system().displayName(), parked.firstAt(), settings.maxParking());
      return Optional.empty();
    }
    return parkedUntil;
  }

  private static Optional<ConnectorException> unavailable(Throwable failure) {
    return FailedJobRule.causeOf(failure, ConnectorException.class)
        .filter(e -> e.kind() == ConnectorException.Kind.UNAVAILABLE);
  }
}
