package com.gitlab.support.handoff.jobs;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;

/** How a rule makes a failed job wait without spending a retry. */
final class Postpone {

  private Postpone() {}

  /**
   * The job runs again no earlier than {@code until}, with {@code retries} left. Both dates move: the
   * due date is what Cockpit shows and what acquisition orders by; the lock expiration is how the
   * engine itself keeps a failed job from the job executor until its next retry.
   */
  static void until(JobEntity job, Instant until, int retries) {
    job.setRetries(retries);
    job.setDuedate(Date.from(until));
    job.setLockExpirationTime(Date.from(until));
  }
}
