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
      engineDefault.execute(commandContext);
      JobEntity job = commandContext.getJobManager().findJobById(jobId);
      if (job != null) {
        rules.stream()
            .filter(rule -> rule.appliesTo(failure))
            .findFirst()
            .ifPresent(rule -> rule.apply(job, failure, retriesBefore));
      }
      return null;
    };
  }
}
