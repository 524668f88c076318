package com.gitlab.support.handoff.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.gitlab.support.handoff.TestProfiles;
import org.camunda.bpm.spring.boot.starter.configuration.impl.DefaultJobConfiguration.JobConfiguration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * Pins the starter's bean that {@link GracefulJobShutdown} finds by name: with the job executor on (as in
 * production; the other tests run jobs themselves), the pool named by the starter's own constant is the
 * one that waits for running jobs when the node stops. A renamed bean would leave the setting unapplied.
 * The context is closed after the class, so its job executor runs no other test's jobs.
 */
@SpringBootTest(properties = "camunda.bpm.job-execution.enabled=true")
@ActiveProfiles(resolver = TestProfiles.class)
@DirtiesContext
class GracefulJobShutdownTest {

  @Autowired ApplicationContext context;

  @Test
  @DisplayName("The starter's job pool, found by the starter's bean name, waits up to 30 s for running jobs")
  void jobPoolWaitsOnShutdown() {
    ThreadPoolTaskExecutor pool =
        context.getBean(JobConfiguration.CAMUNDA_TASK_EXECUTOR_QUALIFIER, ThreadPoolTaskExecutor.class);

    assertThat(ReflectionTestUtils.getField(pool, "waitForTasksToCompleteOnShutdown")).isEqualTo(true);
    assertThat(ReflectionTestUtils.getField(pool, "awaitTerminationMillis"))
        .isEqualTo(GracefulJobShutdown.AWAIT_TERMINATION_SECONDS * 1000L);
  }
}
