package com.gitlab.support.handoff.jobs;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.gitlab.support.handoff.SalesHandoffApplication;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue #16 in the running application: an async service task updating a Zendesk ticket through the
 * real client against a WireMock Zendesk, its jobs run as the job executor would (every job due on
 * the engine clock, with retries left, runs), the engine clock moved step by step.
 *
 * <p>Settings for the test: rate-limited jobs are postponed for at most 10 minutes; a system is parked
 * after 3 failures within 2 minutes and rests 2 minutes, then 4, 8 and 15 (doubled after each failed
 * probe, the default maximum); jobs are parked for at most 30 minutes.
 */
@SpringBootTest(
    classes = SalesHandoffApplication.class,
    properties = {
        "handoff.admin.user=admin",
        "handoff.admin.password=admin-password",
        "camunda.bpm.job-execution.enabled=false",
        "camunda.bpm.generate-unique-process-engine-name=true",
        "spring.datasource.url=jdbc:h2:mem:rate-limits-and-outages;DB_CLOSE_DELAY=-1",
        "handoff.jobs.rate-limits.max-total-wait=PT10M",
        "handoff.jobs.outages.failures-to-park=3",
        "handoff.jobs.outages.window=PT2M",
        "handoff.jobs.outages.probe-interval=PT2M",
        "handoff.jobs.outages.max-parking=PT30M"})
class RateLimitsAndOutagesTest {

  private static final String PROCESS = "zendeskNote";
  private static final Instant T0 = Instant.parse("2026-12-07T09:00:00Z");
  private static final String TICKETS = "/api/v2/tickets/.*\\.json";

  static final WireMockServer zendeskApi = new WireMockServer(wireMockConfig().dynamicPort());

  static {
    zendeskApi.start();
  }

  @AfterAll
  static void stopZendesk() {
    zendeskApi.stop();
  }

  @DynamicPropertySource
  static void realZendesk(DynamicPropertyRegistry registry) {
    registry.add("handoff.zendesk.base-url", zendeskApi::baseUrl);
    registry.add("handoff.zendesk.email", () -> "api@gitlab.com");
    registry.add("handoff.zendesk.api-token", () -> "zd-t0ken");
    registry.add("handoff.zendesk.escalated-to-sales-field-id", () -> "360001234567");
  }

  @Autowired ProcessEngine processEngine;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired SystemOutages outages;
  @Autowired JobPostponements postponements;

  private String deploymentId;

  @BeforeEach
  void deploy() {
    BpmnAwareTests.init(processEngine);
    ClockUtil.setCurrentTime(Date.from(T0));
    deploymentId = repositoryService.createDeployment().addModelInstance(PROCESS + ".bpmn", process()).deploy().getId();
    zendeskApi.resetAll();
    outages.forget();
  }

  @AfterEach
  void undeploy() {
    repositoryService.deleteDeployment(deploymentId, true);
    ClockUtil.reset();
  }

  // ---- rate limits --------------------------------------------------------------------------------

  @Test
  @DisplayName("Zendesk answering 429 with Retry-After: 120: the job is due 120 s later, keeps its retries, and "
      + "goes on when Zendesk answers")
  void rateLimitedJobWaitsAsAsked() {
    answer(aResponse().withStatus(429).withHeader("Retry-After", "120"));
    ProcessInstance instance = start("4711");
    int retries = jobOf(instance).getRetries();

    failsWith(instance, "Zendesk: HTTP 429 Too Many Requests on PUT /api/v2/tickets/4711.json (Retry-After: 120 s)");

    Job job = jobOf(instance);
    assertThat(job.getDuedate()).isAfterOrEqualTo(Date.from(T0.plusSeconds(120)));
    assertThat(job.getRetries()).isEqualTo(retries);
    at(T0.plusSeconds(119));
    assertThat(dueJobs()).as("not before Zendesk said").isEmpty();

    at(T0.plusSeconds(120));
    failsWith(instance, "HTTP 429");
    assertThat(jobOf(instance).getDuedate()).isAfterOrEqualTo(Date.from(T0.plusSeconds(240)));
    assertThat(jobOf(instance).getRetries()).isEqualTo(retries);

    answer(okJson("{\"ticket\":{\"id\":4711},\"audit\":{\"id\":1}}"));
    at(T0.plusSeconds(240));
    assertThat(runDueJobs()).isZero();
    assertThat(instance).isWaitingAt("noteAdded");
    zendeskApi.verify(3, putRequestedFor(urlPathMatching(TICKETS)));
    assertThat(incidentsOf(instance)).isEmpty();
  }

  @Test
  @DisplayName("Zendesk answering 429 for ever: 10 minutes of postponements, then the retry cycle, then an incident "
      + "saying it was rate-limited")
  void alwaysRateLimitedEndsInAnIncident() {
    answer(aResponse().withStatus(429).withHeader("Retry-After", "120"));
    ProcessInstance instance = start("4712");
    int retries = jobOf(instance).getRetries();

    List<Instant> tries = new ArrayList<>();
    for (int i = 0; i < 30 && incidentsOf(instance).isEmpty(); i++) {
      Instant due = jobOf(instance).getDuedate().toInstant();
      at(due);
      tries.add(due);
      failsWith(instance, "HTTP 429");
      if (due.isBefore(T0.plus(Duration.ofMinutes(10)))) {
        assertThat(jobOf(instance).getRetries()).as("postponed at %s", due).isEqualTo(retries);
      }
    }

    assertThat(tries).as("postponed at 0, 2, 4, 6 and 8 minutes; then %d tries on the retry cycle", retries)
        .hasSize(5 + retries);
    assertThat(tries.get(5)).isEqualTo(T0.plus(Duration.ofMinutes(10)));
    assertThat(incidentsOf(instance)).singleElement().extracting(Incident::getIncidentMessage)
        .isEqualTo("Zendesk: HTTP 429 Too Many Requests on PUT /api/v2/tickets/4712.json (Retry-After: 120 s)");
  }

  @Test
  @DisplayName("the postponement records of jobs that are done go in the hourly clean-up; a waiting job's stays")
  void postponementRecordsOfDoneJobsAreRemoved() {
    answer(aResponse().withStatus(429).withHeader("Retry-After", "60"));
    ProcessInstance done = start("4713");
    ProcessInstance waiting = start("4714");
    failsWith(done, "HTTP 429");
    failsWith(waiting, "HTTP 429");
    answer(okJson("{\"ticket\":{\"id\":4713},\"audit\":{\"id\":1}}"));
    at(T0.plusSeconds(60));
    String doneJob = jobOf(done).getId();
    managementService.executeJob(doneJob);
    String waitingJob = jobOf(waiting).getId();
    assertThat(postponements.find(doneJob, JobPostponements.Reason.RATE_LIMIT)).isPresent();

    int removed = postponements.removeFinished(T0.plus(Duration.ofHours(1)));

    assertThat(removed).as("this test's done job, and those of earlier tests in the same database").isPositive();
    assertThat(postponements.find(doneJob, JobPostponements.Reason.RATE_LIMIT)).isEmpty();
    assertThat(postponements.find(waitingJob, JobPostponements.Reason.RATE_LIMIT)).hasValueSatisfying(postponed -> {
      assertThat(postponed.firstAt()).isEqualTo(T0);
      assertThat(postponed.count()).isEqualTo(1);
    });
  }

  // ---- outages ------------------------------------------------------------------------------------

  @Test
  @DisplayName("Zendesk down (503) for 10 minutes under 5 handoffs: after 3 failures its jobs wait for the probe "
      + "times, 2 retries are spent in all, none is lost, no incident, and all go on when Zendesk is back")
  void outageParksTheJobs() {
    answer(aResponse().withStatus(503));
    List<ProcessInstance> instances = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      instances.add(start("48" + i));
    }
    int retries = jobOf(instances.get(0)).getRetries();
    Map<String, Integer> leastRetries = new HashMap<>();

    for (Instant now = T0; !now.isAfter(T0.plus(Duration.ofMinutes(30))); now = now.plusSeconds(15)) {
      if (!now.isBefore(T0.plus(Duration.ofMinutes(10)))) {
        answer(okJson("{\"ticket\":{\"id\":1},\"audit\":{\"id\":1}}"));
      }
      at(now);
      runDueJobs();
      for (ProcessInstance instance : instances) {
        Job job = jobOf(instance);
        if (job != null) {
          leastRetries.merge(instance.getId(), job.getRetries(), Math::min);
          if (now.isBefore(T0.plus(Duration.ofMinutes(10))) && job.getExceptionMessage() != null) {
            assertThat(job.getExceptionMessage()).startsWith("Zendesk: HTTP 503 Service Unavailable on PUT");
          }
        }
      }
    }

    for (ProcessInstance instance : instances) {
      assertThat(instance).isWaitingAt("noteAdded");
      assertThat(incidentsOf(instance)).isEmpty();
    }
    int spent = leastRetries.values().stream().mapToInt(least -> retries - least).sum();
    assertThat(spent).as("the two failures before Zendesk counted as down").isEqualTo(2);
    assertThat(zendeskApi.countRequestsMatching(putRequestedFor(urlPathMatching(TICKETS)).build()).getCount())
        .as("5 tries at the start, the 2 early failures again, 5 at each probe time (2 and 6 minutes), 5 successes "
            + "at the third (14 minutes)")
        .isEqualTo(5 + 2 + 2 * 5 + 5);
  }

  @Test
  @DisplayName("Zendesk down for good: jobs wait for it 30 minutes (max-parking), then spend their retries on the "
      + "cycle and end in incidents saying Zendesk answered 503")
  void longOutageEndsInIncidents() {
    answer(aResponse().withStatus(503));
    List<ProcessInstance> instances = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      instances.add(start("49" + i));
    }
    Instant firstIncident = null;

    for (Instant now = T0; !now.isAfter(T0.plus(Duration.ofHours(4))); now = now.plusSeconds(30)) {
      at(now);
      runDueJobs();
      if (firstIncident == null && instances.stream().anyMatch(i -> !incidentsOf(i).isEmpty())) {
        firstIncident = now;
      }
    }

    assertThat(firstIncident).as("not before 30 minutes of parking and the cycle's 1 + 5 + 15 + 30 + 60 minutes")
        .isAfterOrEqualTo(T0.plus(Duration.ofMinutes(30 + 111)));
    for (ProcessInstance instance : instances) {
      assertThat(instance).isWaitingAt("updateTicket");
      assertThat(incidentsOf(instance)).singleElement().extracting(Incident::getIncidentMessage).asString()
          .startsWith("Zendesk: HTTP 503 Service Unavailable on PUT /api/v2/tickets/49");
    }
  }

  // ---- the test process and helpers ---------------------------------------------------------------

  /** Start → "Add the note" (async, the real delegate) → "Note added". */
  private static BpmnModelInstance process() {
    return Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1)
        .startEvent()
        .serviceTask("updateTicket").name("Add the note")
          .camundaAsyncBefore()
          .camundaDelegateExpression("${updateZendeskTicket}")
          .camundaInputParameter("ticketId", "${execution.processBusinessKey}")
          .camundaInputParameter("internalNote", "Passed to Sales")
        .userTask("noteAdded").name("Note added")
        .endEvent()
        .done();
  }

  private ProcessInstance start(String ticketId) {
    return runtimeService.startProcessInstanceByKey(PROCESS, ticketId);
  }

  private static void answer(ResponseDefinitionBuilder answer) {
    zendeskApi.stubFor(put(urlPathMatching(TICKETS)).willReturn(answer));
  }

  private static void at(Instant now) {
    ClockUtil.setCurrentTime(Date.from(now));
  }

  private Job jobOf(ProcessInstance instance) {
    return managementService.createJobQuery().processInstanceId(instance.getId()).singleResult();
  }

  private List<Job> dueJobs() {
    return managementService.createJobQuery().processDefinitionKey(PROCESS).executable().list();
  }

  /** What the job executor would do now: run every job due, with retries left; returns how many failed. */
  private int runDueJobs() {
    int failed = 0;
    for (Job job : dueJobs()) {
      try {
        managementService.executeJob(job.getId());
      } catch (RuntimeException failure) {
        failed++;
      }
    }
    return failed;
  }

  private void failsWith(ProcessInstance instance, String message) {
    String id = jobOf(instance).getId();
    assertThatThrownBy(() -> managementService.executeJob(id)).hasMessageContaining(message);
  }

  private List<Incident> incidentsOf(ProcessInstance instance) {
    return runtimeService.createIncidentQuery().processInstanceId(instance.getId()).list();
  }
}
