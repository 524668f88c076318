package com.gitlab.support.handoff.refusals;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the failed-job rule knows and the incident handler needs, passed along the one thread on which
 * the engine calls both: the rule sets a refused job's retries to 0, and the engine, inside that call,
 * opens the incident through {@link RefusalIncidentHandler}. Nothing stays here after the call.
 */
final class RefusalsInFlight {

  private static final ThreadLocal<Map<String, Refusal>> REFUSED_JOBS = ThreadLocal.withInitial(HashMap::new);
  private static final ThreadLocal<String> RESOLVING_INCIDENT = new ThreadLocal<>();

  private RefusalsInFlight() {}

  /** Runs {@code work} while the job with this id counts as refused for this reason. */
  static void whileRefused(String jobId, Refusal refusal, Runnable work) {
    REFUSED_JOBS.get().put(jobId, refusal);
    try {
      work.run();
    } finally {
      REFUSED_JOBS.get().remove(jobId);
    }
  }

  static Optional<Refusal> refusalOf(String jobId) {
    return Optional.ofNullable(REFUSED_JOBS.get().get(jobId));
  }

  /**
   * Runs {@code work}, a resolution moving the failed instance on, during which the deletion of this
   * incident is the resolution's own doing and must not end the resolution.
   */
  static void whileResolving(String incidentId, Runnable work) {
    String before = RESOLVING_INCIDENT.get();
    RESOLVING_INCIDENT.set(incidentId);
    try {
      work.run();
    } finally {
      RESOLVING_INCIDENT.set(before);
    }
  }

  static boolean isBeingResolved(String incidentId) {
    return incidentId != null && incidentId.equals(RESOLVING_INCIDENT.get());
  }
}
