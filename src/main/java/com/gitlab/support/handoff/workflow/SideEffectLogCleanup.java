package com.gitlab.support.handoff.workflow;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import com.gitlab.support.handoff.listening.SalesThreads;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code side_effect_log} from growing without bound: the rows of a process instance matter only
 * while one of its jobs may still be retried, that is while it runs. Once an hour (and on any node: the
 * deletes do not clash) the rows of instances that have ended are removed, in batches. Rows of running
 * instances stay however old they are, so an operator who retries an incident months later still
 * finds what was done.
 */
@Component
public class SideEffectLogCleanup {

  private static final Logger LOG = LoggerFactory.getLogger(SideEffectLogCleanup.class);
  /** A side effect younger than this may belong to an instance whose start has not committed yet. */
  static final Duration MIN_AGE = Duration.ofHours(1);
  static final int BATCH = 500;
  private static final int MAX_BATCHES_PER_RUN = 100;

  private final SideEffectLog log;
  private final RuntimeService runtimeService;
  private final SalesThreads threads;

  public SideEffectLogCleanup(SideEffectLog log, RuntimeService runtimeService, SalesThreads threads) {
    this.log = log;
    this.runtimeService = runtimeService;
    this.threads = threads;
  }

  @Scheduled(initialDelayString = "PT10M", fixedDelayString = "PT1H")
  public void hourly() {
    int removed = removeEnded(log.now().minus(MIN_AGE));
    if (removed > 0) {
      LOG.info("Removed {} side-effect records of ended process instances", removed);
    }
    int threadsRemoved = threads.removeEnded(log.now().minus(MIN_AGE));
    if (threadsRemoved > 0) {
      LOG.info("Removed {} Sales threads of ended handoffs", threadsRemoved);
    }
  }

  /** Removes the records older than {@code before} of instances that no longer run; returns how many. */
  public int removeEnded(Instant before) {
    int removed = 0;
    Set<String> stillRunning = new HashSet<>();
    for (int batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
      List<String> candidates = log.instancesRecordedBefore(before, BATCH + stillRunning.size()).stream()
          .filter(instance -> !stillRunning.contains(instance))
          .limit(BATCH)
          .toList();
      if (candidates.isEmpty()) {
        break;
      }
      Set<String> running = new HashSet<>();
      runtimeService.createProcessInstanceQuery().processInstanceIds(new HashSet<>(candidates)).list()
          .stream().map(ProcessInstance::getId).forEach(running::add);
      stillRunning.addAll(running);
      removed += log.forget(candidates.stream().filter(instance -> !running.contains(instance)).toList());
      if (candidates.size() < BATCH) {
        break;
      }
    }
    return removed;
  }
}
