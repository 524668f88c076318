package com.gitlab.support.handoff.workflow.roles;

import static com.gitlab.support.handoff.workflow.roles.HandoffVariables.smbSalesUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import com.gitlab.support.handoff.connector.sandbox.OutboxEntry;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** smbSalesUserHandoff: accounts owned by an AMER/EMEA/APJ SMB Sales User (R8, R12, R13). */
class SmbSalesUserHandoffTest extends RoleWorkflowTestCase {

  private static final String SMB = "smbSalesUserHandoff";

  private final String ticketId = HandoffVariables.newTicketId();

  @Test
  @DisplayName("R8 SMB: the reply tells the customer they may email smallbusiness@gitlab.com; assigned, escalated, Open")
  void replyMentionsSmallBusinessEmail() {
    start(SMB, smbSalesUser(ticketId));

    assertThat(ticketUpdates(ticketId).get(0).text()).contains("status: open", "assignee: sam@example.com",
        "Escalated to sales: true", "email them at smallbusiness@gitlab.com");
  }

  @Test
  @DisplayName("R12 with Salesforce access an SMB Sales Case is created: Inbound Request, High, the ask and the Zendesk link")
  void createsAnSmbSalesCase() {
    start(SMB, smbSalesUser(ticketId));

    assertThat(outbox(ticketId, "CASE_CREATE")).singleElement().extracting(OutboxEntry::text).asString()
        .startsWith("SMB Sales Case [Inbound Request, High] Support ticket " + ticketId)
        .contains("We would like to pay by wire transfer", "https://gitlab.zendesk.com/agent/tickets/" + ticketId);
    assertThat(chatterPosts(ticketId)).isEmpty();
    assertThat(ticketUpdates(ticketId).get(1).text()).contains("status: pending", "internal note: Passed to the SMB team: SMB Sales Case 500");
  }

  @Test
  @DisplayName("R12 the new case is tracked by its own smbCase process, linked by the case id and back by the ticket id")
  void startsTheSmbCaseProcess() {
    start(SMB, smbSalesUser(ticketId));

    String caseId = outbox(ticketId, "CASE_CREATE").get(0).target();
    ProcessInstance smbCase = runtimeService().createProcessInstanceQuery().processDefinitionKey("smbCase")
        .processInstanceBusinessKey(caseId).singleResult();
    assertThat(smbCase).isNotNull();
    assertThat(smbCase).variables().containsEntry("salesforceCaseId", caseId).containsEntry("origin", "SUPPORT")
        .containsEntry("territory", "AMER").containsEntry("ticketId", ticketId).containsEntry("accountId", "001A2");
  }

  @Test
  @DisplayName("R12 without Salesforce access the request is posted in #global-digital-smb_public, no case")
  void withoutSalesforceAccessPostsInSlack() {
    start(SMB, smbSalesUser(ticketId).withoutSalesforceAccess());

    assertThat(slackMessages(ticketId)).singleElement().satisfies(post -> {
      assertThat(post.target()).isEqualTo("#global-digital-smb_public");
      assertThat(post.text()).contains("Tiny Tools", "https://gitlab.zendesk.com/agent/tickets/" + ticketId);
    });
    assertThat(outbox(ticketId, "CASE_CREATE")).isEmpty();
    assertThat(ticketUpdates(ticketId).get(1).text()).contains("Passed to the SMB team: Slack #global-digital-smb_public");
  }

  @Test
  @DisplayName("R13 not picked up in 24 business hours: Chatter pings the case owner with @SMB Advocate Team and the ASM")
  void notPickedUpPingsOnChatter() {
    ProcessInstance smb = start(SMB, smbSalesUser(ticketId));
    assertThat(timer(ticketId, "pickupDue").getDuedate()).isEqualTo(Date.from(MONDAY_15_00));

    fire(ticketId, "pickupDue");

    assertThat(chatterPosts(ticketId)).singleElement().satisfies(post -> {
      assertThat(post.target()).isEqualTo("0F9G1,005U9");
      assertThat(post.text()).startsWith("@SMB Advocate Team @Ash ASM AMER Hi case owner")
          .contains("not been picked up within 24 business hours");
    });
    assertThat(smb).isWaitingAt("recordSmbPickup");
  }

  @Test
  @DisplayName("R13 without Salesforce access the reminder goes to #global-digital-smb_public with the ASM")
  void notPickedUpWithoutAccessRemindsInSlack() {
    start(SMB, smbSalesUser(ticketId).withoutSalesforceAccess());

    fire(ticketId, "pickupDue");

    assertThat(slackMessages(ticketId)).hasSize(2).last().satisfies(reminder -> {
      assertThat(reminder.target()).isEqualTo("#global-digital-smb_public");
      assertThat(reminder.text()).contains("not been picked up within 24 business hours", "@SMB Advocate Team Ash ASM AMER");
    });
    assertThat(chatterPosts(ticketId)).isEmpty();
  }

  @Test
  @DisplayName("R13 SmbCasePickedUp from the case ends the wait: no reminder, the caller learns who picked it up")
  void pickedUpMessageEndsTheWait() {
    ProcessInstance smb = start(SMB, smbSalesUser(ticketId));

    runtimeService().createMessageCorrelation("SmbCasePickedUp").processInstanceBusinessKey(ticketId)
        .setVariable("contactName", "Ava Advocate").correlate();

    assertThat(smb).isEnded().hasPassed("smbTeamPickedUp").hasNotPassed("chatterCaseOwner");
    assertThat(hasTimer(ticketId, "pickupDue")).isFalse();
    assertThat(historicVariable(smb, "contactName")).isEqualTo("Ava Advocate");
    assertThat(historicVariable(smb, "salesConfirmed")).isEqualTo(true);
  }

  @Test
  @DisplayName("R13 the engineer may record the pick-up in Tasklist instead")
  void pickUpRecordedInTasklist() {
    ProcessInstance smb = start(SMB, smbSalesUser(ticketId));
    assertThat(task(ticketId, "recordSmbPickup").getName())
        .isEqualTo("Record that the SMB team picked up ticket " + ticketId);

    complete(ticketId, "recordSmbPickup", Map.of("contactName", "Ava Advocate"));

    assertThat(smb).isEnded().hasPassed("pickupRecorded", "smbTeamPickedUp");
  }
}
