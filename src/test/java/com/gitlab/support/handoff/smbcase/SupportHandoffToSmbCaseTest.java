package com.gitlab.support.handoff.smbcase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.util.UUID;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The SMB Sales User handoff (R12, R13) hands its case to smbCase, and hears back when an advocate picks it up. */
class SupportHandoffToSmbCaseTest extends SmbCaseTestCase {

  private final String ticketId = "T" + UUID.randomUUID().toString().substring(0, 8);

  @Test
  @DisplayName("R31 R13 an advocate picking up a Support handoff's case comments on the ticket and ends the handoff's wait")
  void pickUpEndsTheSupportHandoffsWait() {
    ProcessInstance handoff = runtimeService().startProcessInstanceByKey("smbSalesUserHandoff", ticketId,
        Variables.createVariables()
            .putValue("ticketId", ticketId).putValue("ticketUrl", "https://gitlab.zendesk.com/agent/tickets/" + ticketId)
            .putValue("requestType", "ALTERNATIVE_PAYMENT_METHOD").putValue("summary", "We would like to pay by wire transfer")
            .putValue("engineer", "sam").putValue("priority", "normal").putValue("hasSalesforceAccess", true)
            .putValue("tier", "PREMIUM").putValue("macro", "Pass to Sales").putValue("guidance", "Confirm the method")
            .putValue("requesterEmail", "max@tinytools.io").putValue("accountId", "001A2").putValue("accountName", "Tiny Tools")
            .putValue("salesOwnerId", "005S1").putValue("salesOwnerName", "AMER SMB Sales User")
            .putValue("salesSegment", "SMALL").putValue("salesRegion", "AMER").putValue("smbTerritory", "AMER"));
    runAsyncSteps(ticketId);
    ProcessInstance smbCase = runtimeService().createProcessInstanceQuery().processDefinitionKey(SmbCase.PROCESS_KEY)
        .variableValueEquals("ticketId", ticketId).singleResult();
    runAsyncSteps(smbCase);
    assertThat(smbCase).isWaitingAt(SmbCase.PICK_UP_TASK);
    assertThat(outbox(smbCase, "CASE_CREATE")).isEmpty();

    pickUp(smbCase, FRIDAY);
    runAsyncSteps(ticketId);

    assertThat(handoff).isEnded();
    assertThat(historyService().createHistoricVariableInstanceQuery().processInstanceId(handoff.getId())
        .variableName("contactName").singleResult().getValue()).asString().contains("Advocate");
    assertThat(outboxFor(ticketId)).extracting(entry -> entry.action() + " " + entry.target())
        .contains("TICKET_UPDATE " + ticketId);
    assertThat(outbox(smbCase, "TICKET_UPDATE")).singleElement()
        .satisfies(note -> assertThat(note.text()).contains("picked up Salesforce case " + businessKey(smbCase)));
  }
}
