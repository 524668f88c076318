package com.gitlab.support.handoff.workflow;

import java.time.Instant;

/**
 * An earlier attempt at this side effect began at {@code attemptedAt} and its call may still be under
 * way (another node took the job over while it waited for the answer). The job fails, so the engine
 * retries it on its back-off, by when that call has ended one way or the other.
 */
public class SideEffectInFlightException extends RuntimeException {

  public SideEffectInFlightException(String activityName, Instant attemptedAt) {
    super("'" + activityName + "': an earlier attempt began at " + attemptedAt
        + " and may still be waiting for its answer; the job retries once it can no longer be");
  }
}
