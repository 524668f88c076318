package com.gitlab.support.handoff.jobs;

import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;

/**
 * What to do with a job after one of its tries failed, beyond the engine's retry cycle. A rule runs
 * after the engine has recorded the failure (retries counted down, due date moved by the job's retry
 * cycle, exception kept for Cockpit) and may change the job's retries and due date.
 *
 * <p>Rules are Spring beans; {@link FailedJobRules} applies the first that {@link #appliesTo} the
 * failure.
 */
public interface FailedJobRule {

  /** Whether this rule decides what happens to a job that failed with {@code failure}. */
  boolean appliesTo(Throwable failure);

  /**
   * Changes the job, which the engine has already handled as a failed job.
   *
   * @param retriesBefore the job's retries before this failure was counted: setting them gives back
   *     the retry. On a job's first failure, the count the engine's retry cycle starts with (the
   *     cycle's repetitions minus this failure), since the engine tells a first failure by the
   *     missing exception, which it has just recorded.
   */
  void apply(JobEntity job, Throwable failure, int retriesBefore);

  /** The failure or one of its causes of the given type, if any. */
  static <T extends Throwable> java.util.Optional<T> causeOf(Throwable failure, Class<T> type) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return java.util.Optional.of(type.cast(t));
      }
    }
    return java.util.Optional.empty();
  }
}
