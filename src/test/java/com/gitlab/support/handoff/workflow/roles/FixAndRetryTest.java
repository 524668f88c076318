package com.gitlab.support.handoff.workflow.roles;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.gitlab.support.handoff.workflow.roles.HandoffVariables.namedAccountOwner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import com.gitlab.support.handoff.RemoteSystem;
import com.gitlab.support.handoff.connector.salesforce.SalesforceApiStub;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A side effect the outside system refuses goes to the engineer, who fixes the cause and retries, or
 * does it by hand (docs/refusals.md). Salesforce is a real HTTP server here (WireMock) that refuses
 * the first Chatter post.
 */
class FixAndRetryTest extends RoleWorkflowTestCase {

  private static final String FIX_TASK = "fixRefusedStep";
  private static final String NAMED = "namedAccountOwnerHandoff";

  @RegisterExtension
  static final RemoteSystem salesforceApi = RemoteSystem.salesforce();

  @DynamicPropertySource
  static void remoteSystems(DynamicPropertyRegistry registry) {
    salesforceApi.register(registry);
  }

  private final String ticketId = HandoffVariables.newTicketId();

  @BeforeEach
  void salesforceRefusesTheFirstPost() {
    salesforceApi.stubFor(post(SalesforceApiStub.CHATTER).inScenario("inactive owner").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody("""
            [{"message": "inactive user 005U1", "errorCode": "INVALID_CROSS_REFERENCE_KEY", "fields": []}]"""))
        .willSetStateTo("owner reactivated"));
    salesforceApi.stubFor(post(SalesforceApiStub.CHATTER).inScenario("inactive owner").whenScenarioStateIs("owner reactivated")
        .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
            .withBody("{\"id\":\"0D5FIX\",\"url\":\"/services/data/v65.0/chatter/feed-elements/0D5FIX\"}")));
    // Once the post is through, the wait reads Jane's User record for her calendar (issue 15).
    salesforceApi.stubFor(get(urlPathEqualTo("/services/data/v65.0/query")).willReturn(okJson("""
        {"totalSize": 1, "done": true, "records": [{"Id": "005U1", "Name": "Jane Owner", "ManagerId": "005U2"}]}""")));
  }

  @Test
  @DisplayName("R9 a Chatter post Salesforce rejects becomes 'Fix and retry' for the engineer; the retry posts once, the reply is not repeated")
  void rejectedChatterPostIsFixedAndRetried() {
    ProcessInstance named = start(NAMED, namedAccountOwner(ticketId));

    assertThat(named).isWaitingAt("chatterAccountOwner");
    Task fix = task(ticketId, FIX_TASK);
    assertThat(fix.getName()).isEqualTo("Fix and retry the Chatter post for ticket " + ticketId);
    assertThat(fix.getAssignee()).isEqualTo("sam");
    assertThat(candidateGroupsOf(fix)).containsExactly("support-engineers");
    assertThat(fix.getCamundaFormRef().getKey()).isEqualTo("fixAndRetry");
    assertThat((String) runtimeService().getVariable(fix.getProcessInstanceId(), "connectorError"))
        .contains("inactive user 005U1");
    salesforceApi.verify(1, postRequestedFor(urlPathEqualTo(SalesforceApiStub.CHATTER)));

    complete(ticketId, FIX_TASK, Map.of("fixOutcome", "RETRY", "fixNote", "Reactivated Jane in Salesforce"));

    salesforceApi.verify(2, postRequestedFor(urlPathEqualTo(SalesforceApiStub.CHATTER)));
    assertThat(runtimeService().getVariable(named.getId(), "chatterPostUrl")).isEqualTo(salesforceApi.baseUrl() + "/0D5FIX");
    assertThat(ticketUpdates(ticketId)).as("the reply and the note with the Chatter link, once each").hasSize(2);
    assertThat(awaitSalesInstance(ticketId)).isWaitingAt("recordSalesConfirmation");
    assertThat(task(ticketId, FIX_TASK)).isNull();
  }

  @Test
  @DisplayName("R9 a Chatter post done by hand: the fix task asks for the post's link, and the internal note on the ticket carries it")
  void r9_chatterPostDoneByHandGivesTheNoteItsLink() {
    ProcessInstance named = start(NAMED, namedAccountOwner(ticketId));
    Task fix = task(ticketId, FIX_TASK);
    assertThat(runtimeService().getVariable(fix.getProcessInstanceId(), "handResult1Variable")).isEqualTo("chatterPostUrl");
    assertThat(runtimeService().getVariable(fix.getProcessInstanceId(), "handResult1Label"))
        .isEqualTo("Link to the Chatter post you made");
    assertThat((String) runtimeService().getVariable(fix.getProcessInstanceId(), "stepMessages")).as("what to post by hand")
        .startsWith("**Chatter post:** Hi ").contains("Zendesk ticket: ");

    complete(ticketId, FIX_TASK, Map.of("fixOutcome", "DONE_BY_HAND", "handResult1", " https://acme.my.salesforce.com/0D5HAND ",
        "fixNote", "Posted from the Salesforce app"));

    salesforceApi.verify(1, postRequestedFor(urlPathEqualTo(SalesforceApiStub.CHATTER)));
    assertThat(runtimeService().getVariable(named.getId(), "chatterPostUrl")).isEqualTo("https://acme.my.salesforce.com/0D5HAND");
    assertThat(ticketUpdates(ticketId)).as("the reply, then the note with the link given by hand").hasSize(2);
    assertThat(ticketUpdates(ticketId).get(1).text()).contains("was mentioned on Chatter: https://acme.my.salesforce.com/0D5HAND");
    assertThat(awaitSalesInstance(ticketId)).isWaitingAt("recordSalesConfirmation");
  }

  @Test
  @DisplayName("R9 a retry does not ask for the post's link: retrying needs no result from the person")
  void r9_retryNeedsNoResult() {
    start(NAMED, namedAccountOwner(ticketId));

    complete(ticketId, FIX_TASK, Map.of("fixOutcome", "RETRY", "fixNote", "Reactivated Jane in Salesforce"));

    assertThat(task(ticketId, FIX_TASK)).isNull();
    assertThat(awaitSalesInstance(ticketId)).isWaitingAt("recordSalesConfirmation");
  }

  @Test
  @DisplayName("R9 a refused Chatter post is an incident in Cockpit, with Salesforce's reason, until the retry resolves it; it is not retried on its own")
  void refusalIsAnIncidentUntilRetried() {
    ProcessInstance named = start(NAMED, namedAccountOwner(ticketId));

    Job job = managementService().createJobQuery().processInstanceId(named.getId()).activityId("chatterAccountOwner").singleResult();
    assertThat(job.getRetries()).as("a refusal is not retried automatically").isZero();
    Incident incident = runtimeService().createIncidentQuery().processInstanceId(named.getId()).singleResult();
    assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
    assertThat(incident.getActivityId()).isEqualTo("chatterAccountOwner");
    assertThat(incident.getConfiguration()).isEqualTo(job.getId());
    assertThat(incident.getIncidentMessage()).contains("Salesforce", "inactive user 005U1");
    assertThat(runtimeService().getVariable(task(ticketId, FIX_TASK).getProcessInstanceId(), "incidentId"))
        .isEqualTo(incident.getId());

    runAsyncSteps(ticketId);
    salesforceApi.verify(1, postRequestedFor(urlPathEqualTo(SalesforceApiStub.CHATTER)));

    complete(ticketId, FIX_TASK, Map.of("fixOutcome", "RETRY", "fixNote", "Reactivated Jane in Salesforce"));

    assertThat(runtimeService().createIncidentQuery().processInstanceId(named.getId()).count()).isZero();
    assertThat(named).hasPassed("chatterAccountOwner");
  }

  @Test
  @DisplayName("R9 a retry Salesforce refuses again opens a new incident and a new fix task with the new reason")
  void retryRefusedAgain() {
    salesforceApi.stubFor(post(SalesforceApiStub.CHATTER).inScenario("inactive owner").whenScenarioStateIs("owner reactivated")
        .willReturn(aResponse().withStatus(403).withHeader("Content-Type", "application/json").withBody("""
            [{"message": "insufficient access rights on 001A1", "errorCode": "INSUFFICIENT_ACCESS_OR_READONLY", "fields": []}]"""))
        .willSetStateTo("access granted"));
    salesforceApi.stubFor(post(SalesforceApiStub.CHATTER).inScenario("inactive owner").whenScenarioStateIs("access granted")
        .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
            .withBody("{\"id\":\"0D5FIX\",\"url\":\"/services/data/v65.0/chatter/feed-elements/0D5FIX\"}")));
    ProcessInstance named = start(NAMED, namedAccountOwner(ticketId));
    complete(ticketId, FIX_TASK, Map.of("fixOutcome", "RETRY", "fixNote", "Reactivated Jane in Salesforce"));

    Task again = task(ticketId, FIX_TASK);
    assertThat(again).as("a new fix task").isNotNull();
    assertThat(again.getName()).isEqualTo("Fix and retry the Chatter post for ticket " + ticketId);
    assertThat((String) runtimeService().getVariable(again.getProcessInstanceId(), "connectorError"))
        .contains("insufficient access rights");
    assertThat(runtimeService().createIncidentQuery().processInstanceId(named.getId()).singleResult().getIncidentMessage())
        .contains("insufficient access rights");

    complete(ticketId, FIX_TASK, Map.of("fixOutcome", "RETRY", "fixNote", "Shared the account with the integration user"));

    salesforceApi.verify(3, postRequestedFor(urlPathEqualTo(SalesforceApiStub.CHATTER)));
    assertThat(awaitSalesInstance(ticketId)).isWaitingAt("recordSalesConfirmation");
  }

  @Test
  @DisplayName("R9 a refusal retried from Cockpit instead of Tasklist: the post goes out once and the fix task ends")
  void retriedFromCockpit() {
    ProcessInstance named = start(NAMED, namedAccountOwner(ticketId));
    Job job = managementService().createJobQuery().processInstanceId(named.getId()).activityId("chatterAccountOwner").singleResult();

    // Cockpit's "Increment number of retries", due now
    managementService().setJobRetries(1).jobId(job.getId()).dueDate(ClockUtil.getCurrentTime()).execute();
    assertThat(task(ticketId, FIX_TASK)).isNull();
    runAsyncSteps(ticketId);

    salesforceApi.verify(2, postRequestedFor(urlPathEqualTo(SalesforceApiStub.CHATTER)));
    assertThat(awaitSalesInstance(ticketId)).isWaitingAt("recordSalesConfirmation");
  }

  @Test
  @DisplayName("R40 a handoff cancelled in Cockpit while a refusal waits: the fix task ends too")
  void refusalTaskEndsWhenTheHandoffIsCancelled() {
    ProcessInstance named = start(NAMED, namedAccountOwner(ticketId));

    runtimeService().deleteProcessInstance(named.getId(), "cancelled in Cockpit");

    assertThat(task(ticketId, FIX_TASK)).isNull();
  }
}
