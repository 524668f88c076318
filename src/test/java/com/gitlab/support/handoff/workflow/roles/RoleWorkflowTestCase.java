package com.gitlab.support.handoff.workflow.roles;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import com.gitlab.support.handoff.ProcessTestCase;
import com.gitlab.support.handoff.connector.sandbox.OutboxEntry;
import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;

/**
 * Role workflow tests on the shared {@link ProcessTestCase} harness: the clock starts on Friday
 * 2026-11-27 15:00 UTC, the engineer exists, and a stand-in {@code smbCase} receives SMB cases when
 * the real one is not deployed.
 */
abstract class RoleWorkflowTestCase extends ProcessTestCase {

  static final String AWAIT_SALES = "awaitSalesConfirmation";

  @BeforeEach
  void givenTheEngineerAndTheSmbCaseProcess() {
    clockAt(FRIDAY_15_00);
    ensureEngineer(HandoffVariables.ENGINEER);
    // smbCase belongs to another workflow; until it is deployed, a stand-in with the same key receives our cases.
    if (repositoryService().createProcessDefinitionQuery().processDefinitionKey("smbCase").count() == 0) {
      repositoryService().createDeployment().name("smbCase stand-in")
          .addClasspathResource("stand-ins/smbCase.bpmn").deploy();
    }
  }

  /** A Camunda user with an email address, as Zendesk assignment needs one. */
  void ensureEngineer(String userId) {
    ensureUser(userId, userId, "Engineer");
  }

  /** Starts a role workflow as salesHandoff's call activity would, and runs its steps up to the first wait. */
  ProcessInstance start(String processKey, HandoffVariables variables) {
    String ticketId = (String) variables.build().get("ticketId");
    ProcessInstance instance = runtimeService().startProcessInstanceByKey(processKey, ticketId, variables.build());
    runAsyncSteps(ticketId);
    return instance;
  }

  /** Sales confirms contact, as the Salesforce/Zendesk integration would report it. */
  void salesConfirmContact(String ticketId, String contactName) {
    runtimeService().createMessageCorrelation("SalesConfirmedContact").processInstanceBusinessKey(ticketId)
        .setVariable("contactName", contactName).correlate();
    runAsyncSteps(ticketId);
  }

  ProcessInstance awaitSalesInstance(String ticketId) {
    return runtimeService().createProcessInstanceQuery().processDefinitionKey(AWAIT_SALES)
        .processInstanceBusinessKey(ticketId).singleResult();
  }

  List<OutboxEntry> chatterPosts(String ticketId) {
    return outbox(ticketId, "CHATTER_POST");
  }

  List<OutboxEntry> slackMessages(String ticketId) {
    return outbox(ticketId, "SLACK_MESSAGE");
  }

  List<OutboxEntry> ticketUpdates(String ticketId) {
    return outbox(ticketId, "TICKET_UPDATE");
  }
}
