package com.gitlab.support.handoff.operations;

import org.camunda.bpm.spring.boot.starter.configuration.impl.DefaultJobConfiguration.JobConfiguration;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * A node that shuts down lets its running jobs finish (up to 30 s) before its database connections
 * close. The starter's job thread pool would otherwise interrupt them and drop queued ones: their
 * jobs fail mid-commit or stay locked for {@code lock-time-in-millis} before another node may run them.
 */
@Component
public class GracefulJobShutdown implements BeanPostProcessor {

  /** The starter's job thread pool bean, by the starter's own name for it (renamed with it by the Operaton recipe). */
  static final String CAMUNDA_TASK_EXECUTOR = JobConfiguration.CAMUNDA_TASK_EXECUTOR_QUALIFIER;
  static final int AWAIT_TERMINATION_SECONDS = 30;

  @Override
  public Object postProcessBeforeInitialization(Object bean, String beanName) {
    if (CAMUNDA_TASK_EXECUTOR.equals(beanName) && bean instanceof ThreadPoolTaskExecutor pool) {
      // Queued job batches still run after shutdown: the stopped job executor unlocks them for other nodes.
      pool.setWaitForTasksToCompleteOnShutdown(true);
      pool.setAwaitTerminationSeconds(AWAIT_TERMINATION_SECONDS);
    }
    return bean;
  }
}
