package com.gitlab.support.handoff.jobs;

import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DefaultJobRetryCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Engine plugin: a failed job is first handled as the engine always does ({@link DefaultJobRetryCmd}:
 * retries counted down on the job's retry cycle, an incident at zero), then the first
 * {@link FailedJobRule} that applies to the failure adjusts the job. The engine's failed-job command
 * factory is its documented hook for this; {@code FailedJobRulesTest} pins the behaviour we rely on.
 *
 * <p>What the engine does with a failed job that has a retry cycle (7.24, {@code DefaultJobRetryCmd}):
 * the first failure sets the retries from the cycle (5 for ours) and counts itself (4 left); every
 * failure keeps the job locked until the cycle's next interval ({@code LOCK_EXP_TIME_}: the job
 * executor does not take it before) and leaves its due date alone; the failure that takes the
 * retries to 0 opens an incident, which giving a retry back resolves.
 */
@Component
public class FailedJobRules extends AbstractProcessEnginePlugin {

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
      int retriesBefore = before == null ? 0 : before.getRetries();
      // The engine recognises a job's first failure by its missing exception, and only then takes
      // the retry count from the retry cycle (counting this failure); read before it records this one.
      boolean firstFailure = before != null && before.getExceptionMessage() == null
          && before.getExceptionByteArrayId() == null;
      engineDefault.execute(commandContext);
      JobEntity job = commandContext.getJobManager().findJobById(jobId);
      if (job != null) {
        if (firstFailure && job.getLockExpirationTime() != null) {
          // The retry cycle ran (the plain strategy clears the lock): the count it began with is the
          // most a rule can give back. One more would make the next failure's interval index -1,
          // and the engine would then retry at once without a back-off.
          retriesBefore = job.getRetries();
        }
        int retries = retriesBefore;
        rules.stream()
            .filter(rule -> rule.appliesTo(failure))
            .findFirst()
            .ifPresent(rule -> rule.apply(job, failure, retries));
      }
      return null;
    };
  }
}
