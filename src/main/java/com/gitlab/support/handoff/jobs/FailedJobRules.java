package com.gitlab.support.handoff.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DefaultJobRetryCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Engine plugin: a failed job is handled as the engine always does ({@link DefaultJobRetryCmd}:
 * retries counted down on the job's retry cycle, an incident at zero), unless the first
 * {@link FailedJobRule} that applies to the failure postpones it: then the failure is recorded all
 * the same, but the job keeps its retries and is due at the rule's time. A rule that does not postpone
 * may still change the job after the engine's handling ({@link FailedJobRule#afterFailure}: a refusal
 * ends the retries at once). The engine's failed-job
 * command factory is its documented hook for this.
 *
 * <p>What the engine does with a failed job that has a retry cycle (7.24, {@code DefaultJobRetryCmd};
 * pinned by {@code FailedJobRulesTest}): a job is created with the cycle's retries (6 for
 * {@code PT1M,PT5M,PT15M,PT30M,PT1H}: the first try and five retries), and its first failure sets
 * them again from the cycle. Each failure counts one, keeps the exception for Cockpit, unlocks the job
 * and sets its due date to now plus the interval for the retries left (1, 5, 15, 30, 60, 60 minutes);
 * the failure that takes the retries to 0 opens an incident. The due date alone is the wait.
 */
@Component
public class FailedJobRules extends AbstractProcessEnginePlugin {

  /** The least wait, so that a system answering "Retry-After: 0" does not get a job in a tight loop. */
  static final Duration LEAST_WAIT = Duration.ofSeconds(1);

  private final List<FailedJobRule> rules;

  public FailedJobRules(ObjectProvider<FailedJobRule> rules) {
    this.rules = rules.orderedStream().toList();
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setFailedJobCommandFactory(this::commandFor);
  }

  private Command<Object> commandFor(String jobId, Throwable failure) {
    DefaultJobRetryCmd engineDefault = new DefaultJobRetryCmd(jobId, failure);
    return commandContext -> {
      JobEntity before = commandContext.getJobManager().findJobById(jobId);
      Instant now = ClockUtil.getCurrentTime().toInstant();
      Optional<FailedJobRule> rule = before == null ? Optional.empty()
          : rules.stream().filter(candidate -> candidate.appliesTo(failure)).findFirst();
      Optional<Instant> until = rule.flatMap(applying -> applying.postponeUntil(before, failure, now));
      // The engine tells a job's first failure by its missing exception, and then starts the count
      // afresh from the retry cycle; it cannot reach 0 then.
      boolean firstFailure = before != null && before.getExceptionMessage() == null
          && before.getExceptionByteArrayId() == null;
      int retriesBefore = before == null ? 0 : before.getRetries();
      if (until.isPresent() && !firstFailure && retriesBefore > 0) {
        // One more, which the engine counts: it never sees the job reach 0, so no incident opens.
        before.setRetries(retriesBefore + 1);
      }
      engineDefault.execute(commandContext);
      JobEntity job = commandContext.getJobManager().findJobById(jobId);
      if (job != null && until.isEmpty()) {
        rule.ifPresent(applying -> applying.afterFailure(job, failure));
      }
      if (job != null && until.isPresent()) {
        job.setRetries(firstFailure ? job.getRetries() + 1 : retriesBefore);
        // Replaces the cycle's interval for this failure; Cockpit shows when the job runs next.
        Instant earliest = now.plus(LEAST_WAIT);
        job.setDuedate(Date.from(until.get().isBefore(earliest) ? earliest : until.get()));
      }
      return null;
    };
  }
}
