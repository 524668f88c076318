package com.gitlab.support.handoff.smbcase;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import com.gitlab.support.handoff.RemoteSystem;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.gitlab.support.handoff.connector.salesforce.SalesforceApiStub;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What Salesforce refuses goes to SMB Ops, who fix and retry or do it by hand. Salesforce is a real
 * HTTP server here (WireMock), so the REST connector's refusals are the real ones.
 */
class SmbCaseRefusalTest extends SmbCaseTestCase {

  private static final String CASE = "/services/data/v65.0/sobjects/Case/500REST1";

  @RegisterExtension
  static final RemoteSystem salesforceApi = RemoteSystem.salesforce();

  @DynamicPropertySource
  static void remoteSystems(DynamicPropertyRegistry registry) {
    salesforceApi.register(registry);
  }

  @BeforeEach
  void salesforceAcceptsCaseUpdates() {
    salesforceApi.stubFor(patch(urlPathMatching("/services/data/v65.0/sobjects/Case/.*"))
        .willReturn(aResponse().withStatus(204)));
  }

  private ProcessInstance restCase(SmbCaseVariables variables) {
    return open(variables.with("salesforceCaseId", "500REST1"));
  }

  @Test
  @DisplayName("R20 a case Salesforce refuses to create goes to SMB Ops, who create it by hand; routing goes on")
  void refusedCaseCreationIsDoneByHand() {
    salesforceApi.stubFor(get(urlPathEqualTo("/services/data/v65.0/query")).willReturn(okJson("""
        {"totalSize": 1, "done": true, "records": [{"attributes": {"type": "RecordType"}, "Id": "012SMB"}]}""")));
    salesforceApi.stubFor(post("/services/data/v65.0/sobjects/Case/").willReturn(aResponse().withStatus(400)
        .withHeader("Content-Type", "application/json")
        .withBody("[{\"message\": \"Account is inactive\", \"errorCode\": \"FIELD_CUSTOM_VALIDATION_EXCEPTION\", \"fields\": []}]")));
    ProcessInstance instance = open(SmbCaseVariables.emailCase());

    Task fix = task(instance, "fixCreateCase");
    assertThat(fix).hasCandidateGroup("smb-ops");
    assertThat((String) variable(instance, "connectorError")).contains("Account is inactive");
    complete(instance, fix, Map.of("fixOutcome", "DONE_BY_HAND", "salesforceCaseId", "500HAND1",
        "fixNote", "Reactivated the account and created the case"));

    assertThat(instance).isWaitingAt(SmbCase.PICK_UP_TASK);
    assertThat(variable(instance, "salesforceCaseId")).isEqualTo("500HAND1");
  }

  @Test
  @DisplayName("R13 R23 a status sync Salesforce refuses goes to SMB Ops; after the fix the retry syncs and the case goes on")
  void refusedSyncIsRetried() {
    salesforceApi.stubFor(patch(urlPathEqualTo(CASE)).inScenario("validation rule").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
            .withBody("[{\"message\": \"Next Steps too long\", \"errorCode\": \"STRING_TOO_LONG\", \"fields\": []}]"))
        .willSetStateTo("rule fixed"));
    salesforceApi.stubFor(patch(urlPathEqualTo(CASE)).inScenario("validation rule").whenScenarioStateIs("rule fixed")
        .willReturn(aResponse().withStatus(204)));
    ProcessInstance instance = restCase(SmbCaseVariables.caseFrom("SUPPORT", "Support ticket 4711: wire transfer"));

    save(instance, CaseUpdate.status(CaseUpdate.ENGAGED, FRIDAY));

    Task fix = taskService().createTaskQuery().processInstanceBusinessKey(businessKey(instance))
        .taskDefinitionKey("fixSync").singleResult();
    assertThat(fix.getName()).isEqualTo("Fix and retry the Salesforce update of case " + businessKey(instance));
    assertThat(instance).isWaitingAt("syncCase");
    taskService().complete(fix.getId(), Map.of("fixOutcome", "RETRY", "fixNote", "Raised the field length"));
    runAsyncSteps(instance);

    assertThat(instance).isWaitingAt(SmbCase.WORK_TASK);
    salesforceApi.verify(2, patchRequestedFor(urlPathEqualTo(CASE)));
  }

  @Test
  @DisplayName("R37 a connector that cannot convert the Lead hands the close to SMB Ops, who finish it by hand")
  void leadConversionByHand() {
    ProcessInstance instance = restCase(SmbCaseVariables.caseFrom("SUPPORT", "Support ticket 4711: wire transfer")
        .withoutContact().with("leadId", "00QL1"));
    save(instance, CaseUpdate.status(CaseUpdate.ENGAGED, FRIDAY));

    save(instance, CaseUpdate.status(CaseUpdate.RESOLVED, FRIDAY).resolved("Answered Question", "NA"));

    Task fix = task(instance, "fixClose");
    assertThat(fix.getName()).isEqualTo("Finish closing case " + businessKey(instance) + " in Salesforce, or fix and retry");
    assertThat((String) variable(instance, "connectorError")).contains("convert lead 00QL1 in Salesforce by hand");
    complete(instance, fix, Map.of("fixOutcome", "DONE_BY_HAND", "fixNote", "Converted the lead and closed the case"));

    assertThat(instance).isWaitingAt("lateEmailWindow");
    assertThat(runtimeService().getVariable(instance.getId(), "closedAt")).isNotNull();
  }
}
