package com.gitlab.support.handoff.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.gitlab.support.handoff.SalesHandoffApplication;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Pins what the engine (Camunda 7.24, the application's {@code failed-job-retry-time-cycle}
 * {@code PT1M,PT5M,PT15M,PT30M,PT1H}) does with a failed job, what a {@link FailedJobRule} sees, and
 * what a rule's postponement makes of it: {@link RateLimitedJobs} and {@link ParkedSystemJobs} rely
 * on every line of it. Should a
 * Camunda upgrade change any of it, this test says where.
 */
@SpringBootTest(
    classes = {SalesHandoffApplication.class, FailedJobRulesTest.Rules.class},
    properties = {
        "handoff.admin.user=admin",
        "handoff.admin.password=admin-password",
        "camunda.bpm.job-execution.enabled=false",
        "camunda.bpm.generate-unique-process-engine-name=true",
        "spring.datasource.url=jdbc:h2:mem:failed-job-rules;DB_CLOSE_DELAY=-1"})
class FailedJobRulesTest {

  private static final String PROCESS = "pinnedFailure";
  private static final Instant T0 = Instant.parse("2026-12-07T09:00:00Z");
  static final Duration POSTPONEMENT = Duration.ofMinutes(7);

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired ProcessEngineConfigurationImpl engineConfiguration;
  @Autowired Recorder recorder;
  @Autowired Flaky flaky;

  private String deploymentId;

  @BeforeEach
  void deploy() {
    ClockUtil.setCurrentTime(Date.from(T0));
    deploymentId = repositoryService.createDeployment().addModelInstance(PROCESS + ".bpmn", process()).deploy().getId();
    recorder.seen.clear();
    recorder.giveBack.set(false);
    flaky.failing.set(true);
    flaky.calls.set(0);
  }

  @AfterEach
  void undeploy() {
    repositoryService.deleteDeployment(deploymentId, true);
    ClockUtil.reset();
  }

  @Test
  @DisplayName("a new job has the cycle's retries, 6 (the first try and five retries), and is due when created")
  void newJob() {
    Job job = jobOf(start());

    assertThat(job.getRetries()).isEqualTo(6);
    assertThat(job.getDuedate()).isEqualTo(Date.from(T0));
    assertThat(job.getExceptionMessage()).isNull();
  }

  @Test
  @DisplayName("the first failure counts one retry and makes the job due a minute later; the rule sees the 6 it "
      + "was counted from")
  void firstFailure() {
    ProcessInstance instance = start();

    fail(instance);

    Job job = jobOf(instance);
    assertThat(job.getRetries()).isEqualTo(5);
    assertThat(job.getDuedate()).isEqualTo(Date.from(T0.plus(Duration.ofMinutes(1))));
    assertThat(job.getExceptionMessage()).isEqualTo("pinned failure 1");
    assertThat(recorder.seen).singleElement().isEqualTo(new Seen(6, T0));
  }

  @Test
  @DisplayName("each failure counts one retry, unlocks the job and moves its due date by the cycle: 1, 5, 15, 30, "
      + "60 and 60 minutes; 0 retries open an incident with the exception's message")
  void retryCycle() {
    ProcessInstance instance = start();
    List<Duration> waits = new ArrayList<>();
    List<Integer> retries = new ArrayList<>();
    Instant now = T0;
    for (int failure = 1; failure <= 6; failure++) {
      ClockUtil.setCurrentTime(Date.from(now));
      fail(instance);
      Job job = jobOf(instance);
      Instant due = job.getDuedate().toInstant();
      waits.add(Duration.between(now, due));
      retries.add(job.getRetries());
      assertThat(lockExpirationOf(job.getId())).as("no lock after failure %d", failure).isNull();
      now = due;
    }

    assertThat(waits).containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15),
        Duration.ofMinutes(30), Duration.ofMinutes(60), Duration.ofMinutes(60));
    assertThat(retries).containsExactly(5, 4, 3, 2, 1, 0);
    assertThat(recorder.seen).extracting(Seen::retries).containsExactly(6, 5, 4, 3, 2, 1);
    List<Incident> incidents = runtimeService.createIncidentQuery().processInstanceId(instance.getId()).list();
    assertThat(incidents).singleElement().satisfies(incident -> {
      assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
      assertThat(incident.getIncidentMessage()).isEqualTo("pinned failure 6");
    });
  }

  @Test
  @DisplayName("a rule's postponement: the failure is recorded, the retries stay, the job is due at the rule's time "
      + "and afterwards at the same place of the cycle")
  void postponed() {
    ProcessInstance instance = start();
    fail(instance); // 5 left
    fail(instance); // 4 left, the next interval 15 minutes
    recorder.giveBack.set(true);
    Instant now = T0.plus(Duration.ofMinutes(10));
    for (int i = 0; i < 3; i++) {
      ClockUtil.setCurrentTime(Date.from(now));
      fail(instance);
      assertThat(jobOf(instance).getRetries()).isEqualTo(4);
      assertThat(jobOf(instance).getDuedate()).isEqualTo(Date.from(now.plus(POSTPONEMENT)));
      assertThat(jobOf(instance).getExceptionMessage()).isEqualTo("pinned failure " + (3 + i));
      now = now.plus(Duration.ofMinutes(20));
    }

    recorder.giveBack.set(false);
    ClockUtil.setCurrentTime(Date.from(now));
    fail(instance);
    assertThat(jobOf(instance).getRetries()).isEqualTo(3);
    assertThat(jobOf(instance).getDuedate()).as("the third interval").isEqualTo(Date.from(now.plus(Duration.ofMinutes(15))));
  }

  @Test
  @DisplayName("a postponement on the first failure keeps all 6 retries; the next failure takes the first interval")
  void postponedFirstFailure() {
    ProcessInstance instance = start();
    recorder.giveBack.set(true);

    fail(instance);

    assertThat(jobOf(instance).getRetries()).isEqualTo(6);
    recorder.giveBack.set(false);
    fail(instance);
    assertThat(jobOf(instance).getRetries()).isEqualTo(5);
    assertThat(jobOf(instance).getDuedate()).isEqualTo(Date.from(T0.plus(Duration.ofMinutes(1))));
  }

  @Test
  @DisplayName("a failure postponed with one retry left opens no incident; the job then runs to its end")
  void postponedLastRetry() {
    ProcessInstance instance = start();
    for (int i = 0; i < 5; i++) {
      fail(instance); // 5, 4, 3, 2, 1 left
    }
    recorder.giveBack.set(true);

    fail(instance);

    assertThat(jobOf(instance).getRetries()).isEqualTo(1);
    assertThat(runtimeService.createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
    flaky.failing.set(false);
    managementService.executeJob(jobOf(instance).getId());
    assertThat(jobOf(instance)).isNull();
  }

  @Test
  @DisplayName("rules run only for the failures they apply to; the others get the engine's handling alone")
  void rulesApplyByFailure() {
    ProcessInstance instance = start();
    flaky.other.set(true);

    fail(instance);

    assertThat(recorder.seen).isEmpty();
    assertThat(jobOf(instance).getRetries()).isEqualTo(5);
  }

  // ---- the test process and helpers -------------------------------------------------------------

  private static BpmnModelInstance process() {
    return Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1)
        .startEvent()
        .serviceTask("flakyCall").name("Flaky call").camundaAsyncBefore().camundaDelegateExpression("${flaky}")
        .userTask("done").name("Done")
        .endEvent()
        .done();
  }

  private ProcessInstance start() {
    return runtimeService.startProcessInstanceByKey(PROCESS);
  }

  private Job jobOf(ProcessInstance instance) {
    return managementService.createJobQuery().processInstanceId(instance.getId()).singleResult();
  }

  private void fail(ProcessInstance instance) {
    String id = jobOf(instance).getId();
    assertThatThrownBy(() -> managementService.executeJob(id)).hasMessageContaining("failure");
  }

  private Instant lockExpirationOf(String jobId) {
    return engineConfiguration.getCommandExecutorTxRequired().execute(context -> {
      Date lockExpiration = context.getJobManager().findJobById(jobId).getLockExpirationTime();
      return lockExpiration == null ? null : lockExpiration.toInstant();
    });
  }

  /** The failure the recording rule applies to. */
  static class PinnedFailure extends RuntimeException {
    PinnedFailure(String message) {
      super(message);
    }
  }

  /** Fails with {@link PinnedFailure} (or, when {@code other}, a plain exception) while {@code failing}. */
  static class Flaky implements JavaDelegate {
    final AtomicBoolean failing = new AtomicBoolean(true);
    final AtomicBoolean other = new AtomicBoolean();
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public void execute(org.camunda.bpm.engine.delegate.DelegateExecution execution) {
      int call = calls.incrementAndGet();
      if (!failing.get()) {
        return;
      }
      if (other.getAndSet(false)) {
        throw new IllegalStateException("other failure");
      }
      throw new PinnedFailure("pinned failure " + call);
    }
  }

  /** What a rule saw: the job's retries before the engine counted the failure, and the engine clock. */
  record Seen(int retries, Instant now) {}

  /**
   * Records what it sees; when told to, postpones the job {@link #POSTPONEMENT} (the wait a rate
   * limit would ask for). Runs before the application's rules.
   */
  @Order(Ordered.HIGHEST_PRECEDENCE)
  static class Recorder implements FailedJobRule {
    final List<Seen> seen = new ArrayList<>();
    final AtomicBoolean giveBack = new AtomicBoolean();

    @Override
    public boolean appliesTo(Throwable failure) {
      return FailedJobRule.causeOf(failure, PinnedFailure.class).isPresent();
    }

    @Override
    public Optional<Instant> postponeUntil(JobEntity job, Throwable failure, Instant now) {
      seen.add(new Seen(job.getRetries(), now));
      return giveBack.get() ? Optional.of(now.plus(POSTPONEMENT)) : Optional.empty();
    }
  }

  @TestConfiguration(proxyBeanMethods = false)
  static class Rules {
    @Bean
    Recorder recorder() {
      return new Recorder();
    }

    @Bean
    Flaky flaky() {
      return new Flaky();
    }
  }
}
