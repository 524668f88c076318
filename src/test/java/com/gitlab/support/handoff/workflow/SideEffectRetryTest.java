package com.gitlab.support.handoff.workflow;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.gitlab.support.handoff.RemoteSystem;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.gitlab.support.handoff.SalesHandoffApplication;
import com.gitlab.support.handoff.connector.salesforce.SalesforceApiStub;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole chain of a side effect in the running application: an async service task calling
 * {@code postChatterMention} against a WireMock Salesforce, executed job by job as the job executor would.
 */
@SpringBootTest(
    classes = {SalesHandoffApplication.class, SideEffectRetryTest.Crashes.class},
    properties = {
        "handoff.admin.user=admin",
        "handoff.admin.password=admin-password",
        "camunda.bpm.job-execution.enabled=false",
        "camunda.bpm.generate-unique-process-engine-name=true",
        "spring.datasource.url=jdbc:h2:mem:side-effect-retry;DB_CLOSE_DELAY=-1"})
class SideEffectRetryTest {

  private static final String CHATTER = SalesforceApiStub.CHATTER;
  private static final String QUERY = "/services/data/v65.0/query";
  private static final String PROCESS = "chatterWithRetries";

  @RegisterExtension
  static final RemoteSystem salesforceApi = RemoteSystem.salesforce();

  @DynamicPropertySource
  static void remoteSystems(DynamicPropertyRegistry registry) {
    salesforceApi.register(registry);
  }

  @Autowired ProcessEngine processEngine;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired JdbcTemplate jdbc;
  @Autowired CrashOnce crashOnce;

  private String deploymentId;

  @BeforeEach
  void deployAndStubToken() {
    BpmnAwareTests.init(processEngine);
    deploymentId = repositoryService.createDeployment()
        .addModelInstance(PROCESS + ".bpmn", chatterWithRetries())
        .deploy()
        .getId();
  }

  @AfterEach
  void undeploy() {
    ClockUtil.reset();
    crashOnce.disarm();
    repositoryService.deleteDeployment(deploymentId, true);
  }

  @Test
  @DisplayName("Salesforce failing twice, then answering: three job runs, one Chatter post, its link in the process")
  void failsTwiceThenSucceeds() {
    stubChatter(Scenario.STARTED, "failed once", serviceUnavailable());
    stubChatter("failed once", "failed twice", serviceUnavailable());
    stubChatter("failed twice", "posted", created("0D5FE1"));
    ProcessInstance handoff = start();

    runJobUntilItSucceeds(handoff, 3);

    assertThat(handoff).isWaitingAt("chatterPosted")
        .variables().containsEntry("chatterPostId", "0D5FE1")
        .containsEntry("chatterPostUrl", salesforceApi.baseUrl() + "/0D5FE1");
    salesforceApi.verify(3, postRequestedFor(urlPathEqualTo(CHATTER)));
    assertThat(salesforceApi.getAllServeEvents()).filteredOn(e -> e.getRequest().getUrl().equals(CHATTER))
        .filteredOn(e -> e.getResponse().getStatus() == 201).hasSize(1);
    assertThat(sideEffectsRecordedFor(handoff)).hasSize(1);
  }

  @Test
  @DisplayName("Salesforce down for good: when the retries run out, one incident says Salesforce and the status")
  void permanentFailureBecomesIncident() {
    salesforceApi.stubFor(post(CHATTER).willReturn(serviceUnavailable()));
    ProcessInstance handoff = start();

    int runs = 0;
    for (Job job = jobOf(handoff); job != null && job.getRetries() > 0 && runs < 10; job = jobOf(handoff)) {
      // When the job executor would run it: the retries 1, 5, 15, … minutes apart, not a burst that
      // looks like a Salesforce outage (docs/operations.md, "Rate limits and outages").
      ClockUtil.setCurrentTime(job.getDuedate());
      String id = job.getId();
      assertThatThrownBy(() -> managementService.executeJob(id)).hasMessageContaining("HTTP 503");
      runs++;
    }

    assertThat(jobOf(handoff).getRetries()).isZero();
    List<Incident> incidents = runtimeService.createIncidentQuery().processInstanceId(handoff.getId()).list();
    assertThat(incidents).singleElement().satisfies(incident -> {
      assertThat(incident.getActivityId()).isEqualTo("chatterAccountOwner");
      assertThat(incident.getIncidentMessage())
          .startsWith("Salesforce: HTTP 503 Service Unavailable on POST " + CHATTER);
    });
    salesforceApi.verify(runs, postRequestedFor(urlPathEqualTo(CHATTER)));
    assertThat(sideEffectsRecordedFor(handoff)).isEmpty();
  }

  @Test
  @DisplayName("a crash after Salesforce answered but before the engine committed: the retry does not post again")
  void crashAfterRemoteSuccessDoesNotPostTwice() {
    salesforceApi.stubFor(post(CHATTER).willReturn(created("0D5FE2")));
    crashOnce.arm();
    ProcessInstance handoff = start();

    String jobId = jobOf(handoff).getId();
    assertThatThrownBy(() -> managementService.executeJob(jobId)).hasMessageContaining("crash before commit");
    assertThat(handoff).isNotWaitingAt("chatterPosted");
    assertThat(runtimeService.getVariable(handoff.getId(), "chatterPostUrl")).isNull(); // rolled back

    managementService.executeJob(jobId);

    salesforceApi.verify(1, postRequestedFor(urlPathEqualTo(CHATTER)));
    assertThat(handoff).isWaitingAt("chatterPosted")
        .variables().containsEntry("chatterPostId", "0D5FE2")
        .containsEntry("chatterPostUrl", salesforceApi.baseUrl() + "/0D5FE2");
  }

  @Test
  @DisplayName("a node killed after Salesforce posted but before the log recorded it: the retry finds the post on the "
      + "feed and does not post again")
  void killedBetweenPostAndRecordFindsThePost() {
    salesforceApi.stubFor(get(urlPathEqualTo(QUERY)).withQueryParam("q", containing("FROM FeedItem"))
        .willReturn(okJson("""
            {"totalSize": 2, "done": true, "records": [
              {"attributes": {"type": "FeedItem"}, "Id": "0D5OTHER", "Body": "<p>@Alex Owner Ticket 4712 asks for a quote.</p>"},
              {"attributes": {"type": "FeedItem"}, "Id": "0D5FE3", "Body": "<p>@Alex Owner Ticket 4711 asks for a quote.</p>"}]}""")));
    salesforceApi.stubFor(post(CHATTER).willReturn(created("0D5DUPLICATE")));
    ProcessInstance handoff = start();
    leftPendingByAKilledNode(handoff, Instant.now().minusSeconds(600));

    managementService.executeJob(jobOf(handoff).getId());

    salesforceApi.verify(0, postRequestedFor(urlPathEqualTo(CHATTER)));
    salesforceApi.verify(getRequestedFor(urlPathEqualTo(QUERY))
        .withQueryParam("q", containing("WHERE ParentId = '001A1' AND CreatedDate >= ")));
    assertThat(handoff).isWaitingAt("chatterPosted").variables()
        .containsEntry("chatterPostId", "0D5FE3")
        .containsEntry("chatterPostUrl", salesforceApi.baseUrl() + "/0D5FE3");
    assertThat(jdbc.queryForObject("SELECT state FROM side_effect_log WHERE effect_key = ?", String.class,
        keyOf(handoff))).isEqualTo("DONE");
  }

  @Test
  @DisplayName("a node killed before its post reached Salesforce: the feed does not show it, so the retry posts, once")
  void killedBeforeThePostPostsOnRetry() {
    salesforceApi.stubFor(get(urlPathEqualTo(QUERY)).withQueryParam("q", containing("FROM FeedItem"))
        .willReturn(okJson("{\"totalSize\": 0, \"done\": true, \"records\": []}")));
    salesforceApi.stubFor(post(CHATTER).willReturn(created("0D5FE4")));
    ProcessInstance handoff = start();
    leftPendingByAKilledNode(handoff, Instant.now().minusSeconds(600));

    managementService.executeJob(jobOf(handoff).getId());

    salesforceApi.verify(1, postRequestedFor(urlPathEqualTo(CHATTER)));
    assertThat(handoff).isWaitingAt("chatterPosted").variables().containsEntry("chatterPostId", "0D5FE4");
  }

  @Test
  @DisplayName("an attempt that began moments ago may still be waiting for Salesforce: the job fails and retries "
      + "later instead of posting a second time")
  void attemptStillInFlightIsNotRepeated() {
    salesforceApi.stubFor(get(urlPathEqualTo(QUERY)).withQueryParam("q", containing("FROM FeedItem"))
        .willReturn(okJson("{\"totalSize\": 0, \"done\": true, \"records\": []}")));
    salesforceApi.stubFor(post(CHATTER).willReturn(created("0D5FE5")));
    ProcessInstance handoff = start();
    leftPendingByAKilledNode(handoff, Instant.now());

    String jobId = jobOf(handoff).getId();
    assertThatThrownBy(() -> managementService.executeJob(jobId))
        .hasMessageContaining("'Chatter the Account Owner': an earlier attempt began at")
        .hasMessageContaining("may still be waiting for its answer");

    salesforceApi.verify(0, postRequestedFor(urlPathEqualTo(CHATTER)));
    assertThat(jobOf(handoff).getRetries()).as("retried on the engine's back-off").isPositive();
  }

  @Test
  @DisplayName("Salesforce refusing the post (400) in a model that still catches connectorRejected: the model's own "
      + "Fix and retry, with Salesforce's words")
  void rejectedBecomesBpmnError() {
    salesforceApi.stubFor(post(CHATTER).willReturn(aResponse().withStatus(400)
        .withHeader("Content-Type", "application/json")
        .withBody("[{\"errorCode\":\"INVALID_ID_FIELD\",\"message\":\"Invalid identifier: 005U1\"}]")));
    ProcessInstance handoff = start();

    managementService.executeJob(jobOf(handoff).getId());

    assertThat(handoff).isWaitingAt("fixAndRetry").variables()
        .containsEntry("connectorError", "Salesforce: HTTP 400 Bad Request on POST " + CHATTER
            + ": INVALID_ID_FIELD: Invalid identifier: 005U1");
    salesforceApi.verify(1, postRequestedFor(urlPathEqualTo(CHATTER)));
    assertThat(runtimeService.createIncidentQuery().processInstanceId(handoff.getId()).count()).isZero();
  }

  @Test
  @DisplayName("Issue 13 Salesforce refusing the post (400) in a model that does not catch it: not retried on the "
      + "back-off, an incident with Salesforce's words at once, the claim released so a retry posts")
  void refusalIsAnIncidentAtOnce() {
    String plain = repositoryService.createDeployment()
        .addModelInstance("chatterWithoutCatch.bpmn", Bpmn.createExecutableProcess("chatterWithoutCatch")
            .camundaHistoryTimeToLive(1)
            .startEvent()
            .serviceTask("chatterAccountOwner").name("Chatter the Account Owner")
              .camundaAsyncBefore()
              .camundaDelegateExpression("${postChatterMention}")
              .camundaInputParameter("chatterSubjectId", "001A1")
              .camundaInputParameter("chatterMentionIds", "005U1")
              .camundaInputParameter("chatterText", "Ticket 4711 asks for a quote.")
            .userTask("chatterPosted").name("Chatter posted")
            .endEvent()
            .done())
        .deploy().getId();
    try {
      stubChatter(Scenario.STARTED, "refused", aResponse().withStatus(400)
          .withHeader("Content-Type", "application/json")
          .withBody("[{\"errorCode\":\"INVALID_ID_FIELD\",\"message\":\"Invalid identifier: 005U1\"}]"));
      stubChatter("refused", "posted", created("0D5FE9"));
      ProcessInstance handoff = runtimeService.startProcessInstanceByKey("chatterWithoutCatch", "4711");
      String jobId = jobOf(handoff).getId();

      assertThatThrownBy(() -> managementService.executeJob(jobId)).hasMessageContaining("Invalid identifier: 005U1");

      assertThat(jobOf(handoff).getRetries()).isZero();
      Incident incident = runtimeService.createIncidentQuery().processInstanceId(handoff.getId()).singleResult();
      assertThat(incident.getIncidentMessage()).isEqualTo("Salesforce: HTTP 400 Bad Request on POST " + CHATTER
          + ": INVALID_ID_FIELD: Invalid identifier: 005U1");
      assertThat(sideEffectsRecordedFor(handoff)).as("the refused claim is released").isEmpty();
      assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("resolveRefusal").count())
          .as("the step names no fix task: the incident is for Cockpit").isZero();

      managementService.setJobRetries(jobId, 1);
      managementService.executeJob(jobId);

      assertThat(handoff).isWaitingAt("chatterPosted").variables().containsEntry("chatterPostId", "0D5FE9");
      salesforceApi.verify(2, postRequestedFor(urlPathEqualTo(CHATTER)));
    } finally {
      repositoryService.deleteDeployment(plain, true);
    }
  }

  // ---- the test model and helpers ---------------------------------------------------------------

  /**
   * Start → "Chatter the Account Owner" (async, the real delegate, a crash listener that is off
   * unless a test arms it) → "Chatter posted"; a refused post goes to "Fix and retry".
   */
  private static BpmnModelInstance chatterWithRetries() {
    return Bpmn.createExecutableProcess(PROCESS)
        .camundaHistoryTimeToLive(1)
        .startEvent()
        .serviceTask("chatterAccountOwner").name("Chatter the Account Owner")
          .camundaAsyncBefore()
          .camundaDelegateExpression("${postChatterMention}")
          .camundaInputParameter("chatterSubjectId", "001A1")
          .camundaInputParameter("chatterMentionIds", "005U1")
          .camundaInputParameter("chatterText", "Ticket 4711 asks for a quote.")
          .camundaExecutionListenerDelegateExpression(ExecutionListener.EVENTNAME_END, "${crashOnce}")
        .userTask("chatterPosted").name("Chatter posted")
        .endEvent()
        .moveToActivity("chatterAccountOwner")
        .boundaryEvent("chatterRefused").error(SideEffects.REJECTED_ERROR_CODE)
        .userTask("fixAndRetry").name("Fix and retry")
        .endEvent()
        .done();
  }

  private ProcessInstance start() {
    return runtimeService.startProcessInstanceByKey(PROCESS, "4711");
  }

  private Job jobOf(ProcessInstance instance) {
    return managementService.createJobQuery().processInstanceId(instance.getId()).singleResult();
  }

  /** Runs the async job as the job executor would, swallowing the failures in between. */
  private void runJobUntilItSucceeds(ProcessInstance instance, int expectedRuns) {
    for (int run = 1; run <= expectedRuns; run++) {
      String id = jobOf(instance).getId();
      if (run < expectedRuns) {
        assertThatThrownBy(() -> managementService.executeJob(id)).hasMessageContaining("Salesforce: HTTP 503");
      } else {
        managementService.executeJob(id);
      }
    }
  }

  /**
   * What a node killed mid-call leaves in the log: the claim it made before calling, no result. The
   * key is the one {@code SideEffects} gives this task: instance, activity, mentions.
   */
  private void leftPendingByAKilledNode(ProcessInstance instance, Instant attemptedAt) {
    jdbc.update("INSERT INTO side_effect_log (effect_key, state, attempted_at, recorded_at) VALUES (?, 'PENDING', ?, ?)",
        keyOf(instance), Timestamp.from(attemptedAt), Timestamp.from(attemptedAt));
  }

  private static String keyOf(ProcessInstance instance) {
    return instance.getId() + ":chatterAccountOwner:005U1";
  }

  private List<String> sideEffectsRecordedFor(ProcessInstance instance) {
    return jdbc.queryForList("SELECT effect_key FROM side_effect_log WHERE effect_key LIKE ?", String.class,
        instance.getId() + ":%");
  }

  private static void stubChatter(String state, String nextState, ResponseDefinitionBuilder answer) {
    salesforceApi.stubFor(post(CHATTER).inScenario("chatter").whenScenarioStateIs(state)
        .willReturn(answer).willSetStateTo(nextState));
  }

  private static ResponseDefinitionBuilder serviceUnavailable() {
    return aResponse().withStatus(503);
  }

  private static ResponseDefinitionBuilder created(String feedElementId) {
    return aResponse().withStatus(201).withHeader("Content-Type", "application/json")
        .withBody("{\"id\":\"%s\",\"url\":\"/services/data/v65.0/chatter/feed-elements/%s\"}"
            .formatted(feedElementId, feedElementId));
  }

  /** Throws once after the task's work is done, as a node dying before the engine commits would. */
  static class CrashOnce implements ExecutionListener {
    private final AtomicBoolean armed = new AtomicBoolean();

    void arm() {
      armed.set(true);
    }

    void disarm() {
      armed.set(false);
    }

    @Override
    public void notify(DelegateExecution execution) {
      if (armed.getAndSet(false)) {
        throw new IllegalStateException("crash before commit");
      }
    }
  }

  @TestConfiguration(proxyBeanMethods = false)
  static class Crashes {
    @Bean
    CrashOnce crashOnce() {
      return new CrashOnce();
    }
  }
}
