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
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
 * What Salesforce or Zendesk refuses goes, through the one refusal mechanism (docs/refusals.md), to the
 * people the step names, who fix and retry or do it by hand; what they accept needs nobody. Salesforce is a real HTTP server here (WireMock), so the REST connector's calls and
 * refusals are the real ones.
 */
class SmbCaseRefusalTest extends SmbCaseTestCase {

  private static final String CASE = "/services/data/v65.0/sobjects/Case/500REST1";
  private static final String OPPORTUNITY = "/services/data/v65.0/sobjects/Opportunity/006O9";
  private static final String SOAP = "/services/Soap/u/65.0";
  private static final String FIX_TASK = "fixRefusedStep";

  @RegisterExtension
  static final RemoteSystem salesforceApi = RemoteSystem.salesforce();

  @RegisterExtension
  static final RemoteSystem zendeskApi = RemoteSystem.zendesk();

  @DynamicPropertySource
  static void remoteSystems(DynamicPropertyRegistry registry) {
    salesforceApi.register(registry);
    zendeskApi.register(registry);
  }

  @BeforeEach
  void salesforceAcceptsCaseUpdates() {
    salesforceApi.stubFor(patch(urlPathMatching("/services/data/v65.0/sobjects/Case/.*"))
        .willReturn(aResponse().withStatus(204)));
  }

  private static void refuseCaseCreation() {
    salesforceApi.stubFor(get(urlPathEqualTo("/services/data/v65.0/query")).willReturn(okJson("""
        {"totalSize": 1, "done": true, "records": [{"attributes": {"type": "RecordType"}, "Id": "012SMB"}]}""")));
    salesforceApi.stubFor(post("/services/data/v65.0/sobjects/Case/").willReturn(aResponse().withStatus(400)
        .withHeader("Content-Type", "application/json")
        .withBody("[{\"message\": \"Account is inactive\", \"errorCode\": \"FIELD_CUSTOM_VALIDATION_EXCEPTION\", \"fields\": []}]")));
  }

  private ProcessInstance restCase(SmbCaseVariables variables) {
    return open(variables.with("salesforceCaseId", "500REST1"));
  }

  @Test
  @DisplayName("R20 a case Salesforce refuses to create goes to SMB Ops with Salesforce's reason; done by hand asks for the case id the later steps use")
  void r20_refusedCaseCreationIsDoneByHand() {
    refuseCaseCreation();
    ProcessInstance instance = open(SmbCaseVariables.emailCase());

    Task fix = task(instance, FIX_TASK);
    assertThat(fix.getName()).isEqualTo("Create case " + businessKey(instance) + " in Salesforce, or fix and retry");
    assertThat(candidateGroupsOf(fix)).containsExactly("smb-ops");
    assertThat(fix.getCamundaFormRef().getKey()).isEqualTo("fixAndRetry");
    assertThat(taskService().getVariables(fix.getId())).as("what the fixAndRetry form shows of an SMB case")
        .containsKeys("caseKey", "failedActivityName", "refusingSystem", "connectorError");
    assertThat((String) runtimeService().getVariable(fix.getProcessInstanceId(), "connectorError")).contains("Account is inactive");
    assertThat(runtimeService().getVariable(fix.getProcessInstanceId(), "handResult1Variable")).isEqualTo("salesforceCaseId");
    assertThat((String) runtimeService().getVariable(fix.getProcessInstanceId(), "handResult1Label")).startsWith("Id of the case");

    complete(instance, fix, Map.of("fixOutcome", "DONE_BY_HAND", "handResult1", "500HAND1",
        "fixNote", "Reactivated the account and created the case"));

    assertThat(instance).isWaitingAt(SmbCase.PICK_UP_TASK);
    assertThat(variable(instance, "salesforceCaseId")).as("the case id the sync and the Chatter posts use").isEqualTo("500HAND1");
    assertThat(task(instance, FIX_TASK)).isNull();
    salesforceApi.verify(1, postRequestedFor(urlPathEqualTo("/services/data/v65.0/sobjects/Case/")));
  }

  @Test
  @DisplayName("R20 done by hand without the case id is refused with a message naming the field; the case waits for it")
  void r20_doneByHandNeedsTheCaseId() {
    refuseCaseCreation();
    ProcessInstance instance = open(SmbCaseVariables.emailCase());
    Task fix = task(instance, FIX_TASK);

    assertThatThrownBy(() -> taskService().complete(fix.getId(), Map.of("fixOutcome", "DONE_BY_HAND", "fixNote", "Created it")))
        .hasMessageContaining("Id of the case you created in Salesforce").hasMessageContaining("salesforceCaseId");

    assertThat(task(instance, FIX_TASK)).as("still open").isNotNull();
    assertThat(routing(instance)).isWaitingAt("createSalesforceCase");
  }

  @Test
  @DisplayName("R13 R23 a status sync Salesforce refuses goes to SMB Ops; after the fix the retry syncs and the case goes on")
  void r13_r23_refusedSyncIsRetried() {
    salesforceApi.stubFor(patch(urlPathEqualTo(CASE)).inScenario("validation rule").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
            .withBody("[{\"message\": \"Next Steps too long\", \"errorCode\": \"STRING_TOO_LONG\", \"fields\": []}]"))
        .willSetStateTo("rule fixed"));
    salesforceApi.stubFor(patch(urlPathEqualTo(CASE)).inScenario("validation rule").whenScenarioStateIs("rule fixed")
        .willReturn(aResponse().withStatus(204)));
    ProcessInstance instance = restCase(SmbCaseVariables.caseFrom("SUPPORT", "Support ticket 4711: wire transfer"));

    save(instance, CaseUpdate.status(CaseUpdate.ENGAGED, FRIDAY));

    Task fix = task(instance, FIX_TASK);
    assertThat(fix.getName()).isEqualTo("Fix and retry the Salesforce update of case " + businessKey(instance));
    assertThat(candidateGroupsOf(fix)).containsExactly("smb-ops");
    assertThat(instance).isWaitingAt("syncCase");
    complete(instance, fix, Map.of("fixOutcome", "RETRY", "fixNote", "Raised the field length"));

    assertThat(instance).isWaitingAt(SmbCase.WORK_TASK);
    salesforceApi.verify(2, patchRequestedFor(urlPathEqualTo(CASE)));
  }

  @Test
  @DisplayName("R31 a Zendesk comment refused on pick-up goes to the advocate by the old task's name; done by hand, the Support handoff is told")
  void r31_refusedTicketCommentDoneByHand() {
    zendeskApi.stubFor(put(urlPathMatching("/api/v2/tickets/.*")).willReturn(aResponse().withStatus(422)
        .withHeader("Content-Type", "application/json").withBody("{\"error\": \"RecordInvalid\", \"description\": \"Ticket is closed\"}")));
    ProcessInstance instance = restCase(SmbCaseVariables.caseFrom("SUPPORT", "Support ticket 4711: wire transfer")
        .with("ticketId", "4711"));
    String advocate = advocateOf(instance);

    save(instance, CaseUpdate.status(CaseUpdate.ENGAGED, FRIDAY));

    Task fix = task(instance, FIX_TASK);
    assertThat(fix.getName()).isEqualTo("Comment on Zendesk ticket 4711 by hand: case " + businessKey(instance) + " picked up");
    assertThat(fix.getAssignee()).isEqualTo(advocate);
    assertThat(instance).isWaitingAt("commentOnTicket");
    complete(instance, fix, Map.of("fixOutcome", "DONE_BY_HAND", "fixNote", "Commented on the ticket by hand"));

    assertThat(instance).hasPassed("tellSupportHandoff").isWaitingAt(SmbCase.WORK_TASK);
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
  @DisplayName("R37 a conversion Salesforce refuses goes to SMB Ops with Salesforce's reason; done by hand asks for the Contact, and closing goes on")
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

    Task fix = task(instance, FIX_TASK);
    assertThat(taskService().getVariables(fix.getId())).as("what the fixAndRetry form shows of an SMB case")
        .containsKeys("caseKey", "failedActivityName", "refusingSystem", "connectorError");
    assertThat(fix.getName()).isEqualTo("Finish closing case " + businessKey(instance) + " in Salesforce, or fix and retry");
    assertThat((String) runtimeService().getVariable(fix.getProcessInstanceId(), "connectorError"))
        .contains("convertLead of Lead 00QL1 refused: FIELD_CUSTOM_VALIDATION_EXCEPTION: A contact needs a phone number");
    assertThat(closing(instance)).isWaitingAt("convertLead");
    complete(instance, fix, Map.of("fixOutcome", "DONE_BY_HAND", "handResult1", "003HAND",
        "fixNote", "Added the phone number and converted the lead"));

    assertThat(instance).isWaitingAt("lateEmailWindow");
    assertThat(variable(instance, "contactId")).isEqualTo("003HAND");
    assertThat(runtimeService().getVariable(instance.getId(), "closedAt")).isNotNull();
    salesforceApi.verify(patchRequestedFor(urlPathEqualTo(CASE))
        .withRequestBody(matchingJsonPath("$.Status", equalTo("Closed: Resolved"))));
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
