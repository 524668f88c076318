package com.gitlab.support.handoff.jobs;

import com.gitlab.support.handoff.connector.ExternalSystem;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Which outside systems look down, from the failures of the jobs that call them: after
 * {@code handoff.jobs.outages.failures-to-park} failures of one system (connection refused, timeouts,
 * 5xx) within {@code window}, the system is <em>parked</em> until a probe time {@code probe-interval}
 * later. Jobs of a parked system that fail wait for that time instead of spending a retry each
 * ({@link ParkedSystemJobs}). When the probe time has passed, the jobs run again: a failure within
 * {@code window} after it means the system is still down and parks it again at once, for twice the
 * interval before (at most {@code max-probe-interval}); when the failures stop, the system is no
 * longer parked.
 *
 * <p>The state is this node's memory: it sees only the failures of the jobs this node ran, and a
 * restart forgets it. In a cluster each node learns of an outage on its own, after its own
 * {@code failures-to-park} failures; nothing is lost by that, a node only parks a little later. The
 * engine clock ({@code ClockUtil}) is the time, as for the jobs' due dates.
 *
 * <p>Successes are not reported here (the connectors know nothing of jobs); a call that succeeds
 * simply is not a failure, so a recovered system stops being parked at its next probe time.
 */
@Component
public class SystemOutages {

  private static final Logger LOG = LoggerFactory.getLogger(SystemOutages.class);

  private final FailedJobProperties.Outages settings;
  private final Map<ExternalSystem, State> states = new EnumMap<>(ExternalSystem.class);

  public SystemOutages(FailedJobProperties properties) {
    this.settings = properties.outages();
  }

  /** One system's recent failures (at most {@code failures-to-park}, newest last) and its probe time. */
  private static final class State {
    final Deque<Instant> failures = new ArrayDeque<>();
    Instant parkedUntil;
    Duration interval;
  }

  /**
   * Records a failure of {@code system} at {@code at}; returns the time until which the system is
   * parked, with this failure counted, or empty when it is not parked.
   */
  public synchronized Optional<Instant> failed(ExternalSystem system, Instant at) {
    State state = states.computeIfAbsent(system, s -> new State());
    if (!state.failures.isEmpty() && state.failures.peekLast().isAfter(at.plus(settings.window()))) {
      // The engine clock went back (tests move it): what was seen belongs to another time.
      state = new State();
      states.put(system, state);
    }
    state.failures.addLast(at);
    while (state.failures.size() > settings.failuresToPark()) {
      state.failures.removeFirst();
    }
    if (state.parkedUntil != null && at.isBefore(state.parkedUntil)) {
      return Optional.of(state.parkedUntil);
    }
    // A failure soon after the probe time: the probe failed, the system is still down.
    boolean probeFailed = state.parkedUntil != null && !at.isAfter(state.parkedUntil.plus(settings.window()));
    Instant oldest = state.failures.peekFirst();
    boolean manyFailures = state.failures.size() >= settings.failuresToPark()
        && !oldest.isBefore(at.minus(settings.window()));
    if (!probeFailed && !manyFailures) {
      return Optional.empty();
    }
    // Each failed probe doubles the rest (up to max-probe-interval): a long outage is not called
    // more often than the retry cycle would call it.
    state.interval = probeFailed && state.interval != null
        ? min(state.interval.multipliedBy(2), settings.maxProbeInterval())
        : settings.probeInterval();
    state.parkedUntil = at.plus(state.interval);
    if (probeFailed) {
      LOG.info("{} still fails after its probe time: its failing jobs wait until {}", system.displayName(),
          state.parkedUntil);
    } else {
      LOG.warn("{} looks down ({} failures within {}): its failing jobs wait until {} without spending retries",
          system.displayName(), settings.failuresToPark(), settings.window(), state.parkedUntil);
    }
    return Optional.of(state.parkedUntil);
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  /** Until when the system is parked, if it is at {@code now}. */
  public synchronized Optional<Instant> parkedUntil(ExternalSystem system, Instant now) {
    State state = states.get(system);
    return state == null || state.parkedUntil == null || !now.isBefore(state.parkedUntil)
        ? Optional.empty() : Optional.of(state.parkedUntil);
  }

  /** Forgets every failure seen: as after a restart. */
  public synchronized void forget() {
    states.clear();
  }
}
