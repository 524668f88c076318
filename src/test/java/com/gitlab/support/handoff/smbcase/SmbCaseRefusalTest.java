package com.gitlab.support.handoff.smbcase;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
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
 * What Salesforce refuses goes to SMB Ops, who fix and retry or do it by hand; what it accepts needs
 * nobody. Salesforce is a real HTTP server here (WireMock), so the REST connector's calls and
 * refusals are the real ones.
 */
class SmbCaseRefusalTest extends SmbCaseTestCase {

  private static final String CASE = "/services/data/v65.0/sobjects/Case/500REST1";
  private static final String OPPORTUNITY = "/services/data/v65.0/sobjects/Opportunity/006O9";
  private static final String SOAP = "/services/Soap/u/65.0";

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
    assertFormFindsItsVariables(fix);
    assertThat((String) variable(routing(instance), "connectorError")).contains("Account is inactive");
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
  @DisplayName("R37 R38 closing converts the Lead and closes the Opportunity in Salesforce, no person involved")
  void r37_r38_closingWithoutAPerson() {
    stubLead();
    salesforceApi.stubFor(post(SOAP).willReturn(soapAnswer(200, """
        <convertLeadResponse><result><accountId>001A1</accountId><contactId>003C1</contactId><leadId>00QL1</leadId>
          <opportunityId xsi:nil="true"/><success>true</success></result></convertLeadResponse>""")));
    salesforceApi.stubFor(patch(urlPathEqualTo(OPPORTUNITY)).willReturn(aResponse().withStatus(204)));
    ProcessInstance instance = restCase(SmbCaseVariables.caseFrom("SUPPORT", "Support ticket 4711: wire transfer")
        .withoutContact().with("leadId", "00QL1").with("opportunityId", "006O9").with("opportunityCloseDate", "2026-12-15"));
    save(instance, CaseUpdate.status(CaseUpdate.ENGAGED, FRIDAY).with("opportunityCloseDate", "2026-12-15"));

    save(instance, CaseUpdate.status(CaseUpdate.RESOLVED, FRIDAY).resolved("Completed Sales Assisted Order", "NA")
        .with("opportunityCloseDate", "2026-12-15").with("opportunityOutcome", "Closed Won"));

    assertThat(instance).isWaitingAt("lateEmailWindow");
    assertThat(taskService().createTaskQuery().processInstanceBusinessKey(businessKey(instance)).list()).isEmpty();
    assertThat(variable(instance, "contactId")).isEqualTo("003C1");
    salesforceApi.verify(1, postRequestedFor(urlPathEqualTo(SOAP))
        .withRequestBody(containing("<urn:leadId>00QL1</urn:leadId>")));
    salesforceApi.verify(patchRequestedFor(urlPathEqualTo(OPPORTUNITY))
        .withRequestBody(equalToJson("{\"CloseDate\": \"2026-11-27\", \"StageName\": \"Closed Won\"}")));
    salesforceApi.verify(patchRequestedFor(urlPathEqualTo(CASE))
        .withRequestBody(matchingJsonPath("$.Status", equalTo("Closed: Resolved"))));
  }

  @Test
  @DisplayName("R37 a conversion Salesforce refuses hands the close to SMB Ops with Salesforce's reason; they finish it by hand")
  void r37_refusedConversionByHand() {
    stubLead();
    salesforceApi.stubFor(post(SOAP).willReturn(soapAnswer(200, """
        <convertLeadResponse><result><errors><message>A contact needs a phone number</message>
          <statusCode>FIELD_CUSTOM_VALIDATION_EXCEPTION</statusCode></errors><leadId>00QL1</leadId>
          <success>false</success></result></convertLeadResponse>""")));
    ProcessInstance instance = restCase(SmbCaseVariables.caseFrom("SUPPORT", "Support ticket 4711: wire transfer")
        .withoutContact().with("leadId", "00QL1"));
    save(instance, CaseUpdate.status(CaseUpdate.ENGAGED, FRIDAY));

    save(instance, CaseUpdate.status(CaseUpdate.RESOLVED, FRIDAY).resolved("Answered Question", "NA"));

    Task fix = task(instance, "fixClose");
    assertFormFindsItsVariables(fix);
    assertThat(fix.getName()).isEqualTo("Finish closing case " + businessKey(instance) + " in Salesforce, or fix and retry");
    assertThat((String) variable(closing(instance), "connectorError"))
        .contains("convertLead of Lead 00QL1 refused: FIELD_CUSTOM_VALIDATION_EXCEPTION: A contact needs a phone number");
    complete(instance, fix, Map.of("fixOutcome", "DONE_BY_HAND", "fixNote", "Converted the lead and closed the case"));

    assertThat(instance).isWaitingAt("lateEmailWindow");
    assertThat(runtimeService().getVariable(instance.getId(), "closedAt")).isNotNull();
  }

  private static void stubLead() {
    salesforceApi.stubFor(get(urlPathEqualTo("/services/data/v65.0/query")).withQueryParam("q",
            equalTo("SELECT Id, IsConverted, ConvertedContactId FROM Lead WHERE Id = '00QL1' LIMIT 1"))
        .willReturn(okJson("""
            {"totalSize": 1, "done": true, "records": [{"attributes": {"type": "Lead"}, "Id": "00QL1",
             "IsConverted": false, "ConvertedContactId": null}]}""")));
    salesforceApi.stubFor(get(urlPathEqualTo("/services/data/v65.0/query")).withQueryParam("q",
            equalTo("SELECT MasterLabel FROM LeadStatus WHERE IsConverted = true ORDER BY SortOrder LIMIT 1"))
        .willReturn(okJson("""
            {"totalSize": 1, "done": true, "records": [{"attributes": {"type": "LeadStatus"}, "MasterLabel": "Closed - Converted"}]}""")));
  }

  /** A Partner SOAP API answer around {@code body}. */
  private static ResponseDefinitionBuilder soapAnswer(int status, String body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "text/xml;charset=UTF-8").withBody("""
        <?xml version="1.0" encoding="UTF-8"?>
        <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns="urn:partner.soap.sforce.com"
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><soapenv:Body>%s</soapenv:Body></soapenv:Envelope>"""
        .formatted(body));
  }
}
