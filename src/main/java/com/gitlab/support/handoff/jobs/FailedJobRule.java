package com.gitlab.support.handoff.jobs;

import java.time.Instant;
import java.util.Optional;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;

/**
 * Whether a failed job should wait instead of spending a retry of its retry cycle. A rule decides
 * when a job's try has failed, before the engine records the failure; {@link FailedJobRules} then lets
 * the engine record it as always (exception kept for Cockpit, history) and, when the rule said so,
 * leaves the retries where they were and makes the job due at the rule's time, in the same
 * transaction. No incident opens for a postponed failure.
 *
 * <p>Rules are Spring beans; {@link FailedJobRules} asks the first that {@link #appliesTo} the failure,
 * in their {@code @Order}.
 */
public interface FailedJobRule {

  /** Whether this rule decides what happens to a job that failed with {@code failure}. */
  boolean appliesTo(Throwable failure);

  /**
   * When the job should run again without this failure counting against its retries; empty: the
   * failure counts as the engine counts it.
   *
   * @param job the job as it was before this failure: its retries are the ones the engine counts
   *     this failure from (on a first failure the engine first resets them from the retry cycle)
   * @param now the engine clock
   */
  Optional<Instant> postponeUntil(JobEntity job, Throwable failure, Instant now);

  /**
   * Changes the job after the engine has recorded a failure this rule did not postpone (retries
   * counted, due date moved, an incident at 0), e.g. to end its retries at once; nothing by default.
   */
  default void afterFailure(JobEntity job, Throwable failure) {}

  /** The failure or one of its causes of the given type, if any. */
  static <T extends Throwable> Optional<T> causeOf(Throwable failure, Class<T> type) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return Optional.of(type.cast(t));
      }
    }
    return Optional.empty();
  }
}
