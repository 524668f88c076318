package com.gitlab.support.handoff.handoff;

import static com.gitlab.support.handoff.handoff.HandoffVariables.ticket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.gitlab.support.handoff.ProcessTestCase;
import com.gitlab.support.handoff.connector.sandbox.OutboxEntry;
import com.gitlab.support.handoff.intake.HandoffAlreadyRunningException;
import java.util.List;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code salesHandoff}: decide, find the salesperson, call the role's workflow (SPEC A, B, D). */
class SalesHandoffProcessTest extends ProcessTestCase {

  @Test
  @DisplayName("R2 a plan upgrade is not passed: the engineer gets the guidance, and the reply answers the ticket")
  void planUpgradeIsAnsweredBySupport() {
    ProcessInstance pi = start(ticket("7001").asking("PLAN_UPGRADE"));

    assertThat(pi).isWaitingAt("helpWithoutSales").task().isAssignedTo("sam");
    assertThat(pi).variables().containsEntry("outcome", "DONT_PASS");
    assertThat((String) runtimeService().getVariable(pi.getId(), "guidance")).containsIgnoringCase("upgrade");

    complete(task(pi), withVariables("customerReply", "Please use the upgrade button in the Customer Portal."));
    runAsyncSteps(pi);

    assertThat(pi).isEnded().hasPassed("answerTicket", "answeredBySupport");
    assertThat(outboxFor("7001")).singleElement().satisfies(update -> {
      assertThat(update.action()).isEqualTo("TICKET_UPDATE");
      assertThat(update.text()).contains("status: pending", "upgrade button");
    });
  }

  @Test
  @DisplayName("R3 unclear needs open a clarification task, and the decision runs again on its answer")
  void unclearNeedsAreClarifiedThenDecidedAgain() {
    ProcessInstance pi = start(ticket("7002").asking("UNCLEAR_NEEDS"));

    assertThat(pi).isWaitingAt("clarifyRequest");
    complete(task(pi), withVariables("requestType", "PRODUCT_QUESTION", "clarificationNote", "Asks how CI minutes work"));

    assertThat(pi).isWaitingAt("helpWithoutSales");
    assertThat(pi).variables().containsEntry("requestType", "PRODUCT_QUESTION").containsEntry("outcome", "DONT_PASS");
  }

  @Test
  @DisplayName("R4 a person owning the account gets the Named Account Owner workflow, with the handoff's variables")
  void namedAccountOwner() {
    ProcessInstance pi = start(ticket("7003").from("jane@acme.com").asking("ALTERNATIVE_PAYMENT_METHOD"));

    assertThat(pi).isWaitingAt("callNamedAccountOwnerHandoff");
    assertThat(calledProcessInstance("namedAccountOwnerHandoff", pi)).isNotNull();
    ProcessInstance named = calledProcessInstance("namedAccountOwnerHandoff", pi);
    assertThat(named.getBusinessKey()).isEqualTo("7003");
    assertThat(named).variables()
        .containsEntry("accountRole", "NAMED_ACCOUNT_OWNER")
        .containsEntry("salesOwnerId", "005U1")
        .containsEntry("salesOwnerName", "Jane Owner")
        .containsEntry("accountName", "Acme")
        .containsEntry("salesSegment", "LARGE")
        .containsEntry("macro", "Pass to Sales")
        .containsEntry("ticketUrl", "https://gitlab.zendesk.com/agent/tickets/7003");
  }

  @Test
  @DisplayName("R4 R7 an account owned by the AMER SMB Sales User goes to the SMB workflow in territory AMER")
  void smbSalesUser() {
    ProcessInstance pi = start(ticket("7004").from("ceo@tinytools.io").asking("PURCHASE_ORDER_OR_QUOTE"));

    assertThat(pi).isWaitingAt("callSmbSalesUserHandoff");
    assertThat(calledProcessInstance("smbSalesUserHandoff", pi)).variables()
        .containsEntry("accountRole", "SMB_SALES_USER")
        .containsEntry("smbAccount", true)
        .containsEntry("smbTerritory", "AMER")
        .containsEntry("salesSegment", "SMALL");
  }

  @Test
  @DisplayName("R4 R14 an account owned by SFDC Admin goes to the Other workflow with its segment and region")
  void nonPersonOwner() {
    ProcessInstance pi = start(ticket("7005").from("it@globex.com").asking("RESELLER"));

    assertThat(pi).isWaitingAt("callOtherAccountOwnerHandoff");
    assertThat(calledProcessInstance("otherAccountOwnerHandoff", pi)).variables()
        .containsEntry("accountRole", "OTHER_ACCOUNT_OWNER")
        .containsEntry("salesSegment", "LARGE")
        .containsEntry("salesRegion", "AMER");
  }

  @Test
  @DisplayName("R4 R6 an account with no owner at all goes to the Other workflow (Mid-Market, EMEA)")
  void noOwner() {
    ProcessInstance pi = start(ticket("7006").from("bill@initech.com").asking("PURCHASE_ORDER_OR_QUOTE"));

    assertThat(pi).isWaitingAt("callOtherAccountOwnerHandoff");
    assertThat(pi).variables().containsEntry("salesSegment", "MID_MARKET").containsEntry("salesRegion", "EMEA");
  }

  @Test
  @DisplayName("R5 a renewal quote goes to the renewal opportunity's owner")
  void renewalQuoteGoesToTheRenewalOwner() {
    ProcessInstance pi = start(ticket("7007").from("jane@acme.com").asking("RENEWAL_QUOTE"));

    assertThat(pi).isWaitingAt("callNamedAccountOwnerHandoff").hasPassed("lookUpRenewalOwner");
    assertThat(pi).variables().containsEntry("salesOwnerId", "005U8").containsEntry("salesOwnerName", "Ria Renewals");
  }

  @Test
  @DisplayName("R5 a renewal opportunity owned by SFDC Admin falls back to the segment and territory owner")
  void renewalOwnedBySfdcAdminGoesToTheTerritory() {
    ProcessInstance pi = start(ticket("7008").from("it@globex.com").asking("RENEWAL_QUOTE"));

    assertThat(pi).isWaitingAt("callOtherAccountOwnerHandoff");
    assertThat(pi).variables().containsEntry("salesOwnerName", "SFDC Admin").containsEntry("accountRole", "OTHER_ACCOUNT_OWNER");
  }

  @Test
  @DisplayName("R4 no account in Salesforce: the New Sales Quote macro answers and nothing is passed")
  void notInSalesforce() {
    ProcessInstance pi = start(ticket("7009").from("founder@unknown-startup.dev").asking("NEW_BUSINESS_QUOTE"));
    runAsyncSteps(pi);

    assertThat(pi).isEnded().hasPassed("replyNewSalesQuote", "answeredWithQuoteMacro")
        .hasNotPassed("callNamedAccountOwnerHandoff", "callSmbSalesUserHandoff", "callOtherAccountOwnerHandoff");
    assertThat(outboxFor("7009")).singleElement().extracting(OutboxEntry::text).asString().contains("New Sales Quote");
  }

  @Test
  @DisplayName("R17 a high-priority ticket of an account with a TAM copies the TAM and mentions them on Slack")
  void highPriorityInvolvesTheTam() {
    ProcessInstance pi = start(ticket("7010").from("jane@acme.com").asking("PURCHASE_ORDER_OR_QUOTE").with("priority", "high"));

    assertThat(pi).hasPassed("copyTamOnTicket", "mentionTamOnSlack").isWaitingAt("callNamedAccountOwnerHandoff");
    List<OutboxEntry> sent = outboxFor("7010");
    assertThat(sent).anySatisfy(e -> {
      assertThat(e.action()).isEqualTo("TICKET_UPDATE");
      assertThat(e.text()).contains("cc: tom.tam@example.com");
    });
    assertThat(sent).anySatisfy(e -> {
      assertThat(e.action()).isEqualTo("SLACK_MESSAGE");
      assertThat(e.text()).contains("@Tom TAM");
    });
  }

  @Test
  @DisplayName("R17 a named reason (training) involves the TAM at normal priority; no reason, no TAM")
  void tamOnlyWhenATriggerMatches() {
    ProcessInstance training = start(ticket("7011").asking("PURCHASE_ORDER_OR_QUOTE").with("tamReason", "the customer asks for training"));
    ProcessInstance quiet = start(ticket("7012").asking("PURCHASE_ORDER_OR_QUOTE"));

    assertThat(training).hasPassed("copyTamOnTicket");
    assertThat(quiet).hasNotPassed("copyTamOnTicket").isWaitingAt("callNamedAccountOwnerHandoff");
  }

  @Test
  @DisplayName("R1 a second start for a ticket with a running handoff is refused, also from Tasklist")
  void oneHandoffPerTicket() {
    ProcessInstance first = start(ticket("7013").asking("PLAN_UPGRADE"));

    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey("salesHandoff", ticket("7013").asking("RESELLER").build()))
        .isInstanceOf(HandoffAlreadyRunningException.class)
        .hasMessageContaining("7013").hasMessageContaining(first.getId());
    assertThat(runtimeService().createProcessInstanceQuery().processInstanceBusinessKey("7013").count()).isEqualTo(1);
  }

  @Test
  @DisplayName("R1 once a ticket's handoff has ended, the ticket may be handed off again")
  void ticketCanBeHandedOffAgainAfterTheEnd() {
    ProcessInstance first = start(ticket("7014").from("nobody@unknown-startup.dev").asking("NEW_BUSINESS_QUOTE"));
    runAsyncSteps(first);
    assertThat(first).isEnded();

    ProcessInstance second = start(ticket("7014").asking("PLAN_UPGRADE"));

    assertThat(second).isWaitingAt("helpWithoutSales");
  }

  @Test
  @DisplayName("R2 a request type the decision table does not know becomes an incident naming the gateway")
  void unknownRequestTypeBecomesAnIncident() {
    ProcessInstance pi = runtimeService().startProcessInstanceByKey("salesHandoff", "7015",
        ticket("7015").asking("FREE_LUNCH").build());
    Job job = managementService().createJobQuery().processInstanceId(pi.getId()).singleResult();
    // The global retry cycle gives the job its retries on the first failure; fail it until none are left.
    for (int attempt = 0; attempt < 10 && managementService().createJobQuery().jobId(job.getId()).singleResult().getRetries() > 0; attempt++) {
      assertThatThrownBy(() -> managementService().executeJob(job.getId())).hasMessageContaining("passToSalesGateway");
    }

    assertThat(runtimeService().createIncidentQuery().processInstanceId(pi.getId()).singleResult().getIncidentMessage())
        .contains("passToSalesGateway");
  }

  private ProcessInstance start(HandoffVariables variables) {
    ProcessInstance pi = runtimeService().startProcessInstanceByKey("salesHandoff", variables.build());
    runAsyncSteps(pi);
    return pi;
  }
}
