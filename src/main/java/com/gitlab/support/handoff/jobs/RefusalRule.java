package com.gitlab.support.handoff.jobs;

import com.gitlab.support.handoff.refusals.Refusal;
import com.gitlab.support.handoff.refusals.RefusalIncidentHandler;
import java.time.Instant;
import java.util.Optional;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A remote system refused the job's call (a 4xx): the same call would be refused again, so the job is
 * not retried on its cycle. Its retries go to 0 at once, which opens the Cockpit incident with the
 * system's reason and the {@code resolveRefusal} task for a person (docs/refusals.md).
 */
@Component
@Order(0)
public class RefusalRule implements FailedJobRule {

  @Override
  public boolean appliesTo(Throwable failure) {
    return Refusal.of(failure).isPresent();
  }

  /** A refusal never waits: the same call would be refused again. */
  @Override
  public Optional<Instant> postponeUntil(JobEntity job, Throwable failure, Instant now) {
    return Optional.empty();
  }

  @Override
  public void afterFailure(JobEntity job, Throwable failure) {
    Refusal.of(failure).ifPresent(refusal -> RefusalIncidentHandler.refused(job, refusal));
  }
}
