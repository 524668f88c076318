package com.gitlab.support.handoff.jobs;

import com.gitlab.support.handoff.connector.RateLimitedException;
import com.gitlab.support.handoff.jobs.JobPostponements.Postponed;
import com.gitlab.support.handoff.jobs.JobPostponements.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A job that a system rate-limited waits as long as the system asked ({@code Retry-After}, else
 * {@code handoff.jobs.rate-limits.default-wait}) and gets back the retry the engine counted: a rate
 * limit says nothing about the system being broken, and the retries are meant for that. This stops
 * {@code max-total-wait} after the job's first rate limit, or after {@code max-postponements}; from
 * then on a rate limit counts like any other failure, so a system that keeps answering 429 ends in
 * an incident whose message is the system's answer ("HTTP 429 Too Many Requests … (Retry-After: …)").
 */
@Component
@Order(1)
public class RateLimitedJobs implements FailedJobRule {

  private static final Logger LOG = LoggerFactory.getLogger(RateLimitedJobs.class);

  private final FailedJobProperties.RateLimits settings;
  private final JobPostponements postponements;

  public RateLimitedJobs(FailedJobProperties properties, JobPostponements postponements) {
    this.settings = properties.rateLimits();
    this.postponements = postponements;
  }

  @Override
  public boolean appliesTo(Throwable failure) {
    return FailedJobRule.causeOf(failure, RateLimitedException.class).isPresent();
  }

  @Override
  public Optional<Instant> postponeUntil(JobEntity job, Throwable failure, Instant now) {
    RateLimitedException limit = FailedJobRule.causeOf(failure, RateLimitedException.class).orElseThrow();
    Postponed postponed = postponements.count(job.getId(), Reason.RATE_LIMIT, now);
    if (!now.isBefore(postponed.firstAt().plus(settings.maxTotalWait()))
        || postponed.count() > settings.maxPostponements()) {
      LOG.warn("Job {} ({}): still rate-limited by {} after {} postponements since {}; its retries count now",
          job.getId(), job.getActivityId(), limit.system().displayName(), postponed.count() - 1, postponed.firstAt());
      return Optional.empty();
    }
    Duration wait = limit.retryAfter().orElse(settings.defaultWait());
    return Optional.of(now.plus(wait));
  }
}
