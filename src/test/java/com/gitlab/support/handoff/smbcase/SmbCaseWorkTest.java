package com.gitlab.support.handoff.smbcase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import com.gitlab.support.handoff.connector.sandbox.OutboxEntry;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** R22–R25, R29, R31, R33 and R13: picking a case up and working it. */
class SmbCaseWorkTest extends SmbCaseTestCase {

  @AfterEach
  void removeTestAdvocates() {
    removeFromGroup("amy", AMER);
  }

  @Test
  @DisplayName("R22 a case not picked up within 24 business hours of routing Chatters the territory's ASM")
  void missedPickUpChattersTheAsm() {
    ProcessInstance instance = open(SmbCaseVariables.emailCase());

    assertThat(timer(instance, "pickUpSlaMissed").getDuedate()).isEqualTo(Date.from(MONDAY_15_00));
    assertThat(task(instance, SmbCase.PICK_UP_TASK).getDueDate()).isEqualTo(Date.from(MONDAY_15_00));
    fire(instance, "pickUpSlaMissed");

    assertThat(outbox(instance, "CHATTER_POST")).singleElement().satisfies(post -> {
      assertThat(post.target()).isEqualTo("005U9,0F9G1");
      assertThat(post.text()).startsWith("@Ash ASM AMER @SMB Advocate Team Case " + businessKey(instance))
          .contains("not been picked up within its 24-hour SLA");
    });
    assertThat(instance).isWaitingAt(SmbCase.PICK_UP_TASK);
  }

  @Test
  @DisplayName("R22 the EMEA+APJ ASM is asked for an EMEA+APJ case")
  void missedPickUpInEmeaApj() {
    ProcessInstance instance = open(SmbCaseVariables.emailCase().in("EMEA_APJ"));

    fire(instance, "pickUpSlaMissed");

    assertThat(outbox(instance, "CHATTER_POST")).singleElement()
        .satisfies(post -> assertThat(post.target()).isEqualTo("005UA,0F9G1"));
  }

  @Test
  @DisplayName("R22 a case picked up in time leaves the ASM alone")
  void pickUpInTimeStopsTheSla() {
    ProcessInstance instance = open(SmbCaseVariables.emailCase());

    pickUp(instance, FRIDAY);

    assertThat(hasTimer(instance, "pickUpSlaMissed")).isFalse();
    assertThat(outbox(instance, "CHATTER_POST")).isEmpty();
  }

  @Test
  @DisplayName("R23 picking a case up moves it to In Progress: saving it Open is refused and the task stays open")
  void pickUpMustMoveToInProgress() {
    ProcessInstance instance = open(SmbCaseVariables.emailCase());

    assertThatThrownBy(() -> save(instance, CaseUpdate.status("Open", FRIDAY)))
        .hasMessageContaining("Picking up a case moves it to In Progress (R23)");

    assertThat(instance).isWaitingAt(SmbCase.PICK_UP_TASK);
    assertThat(variable(instance, "caseStatus")).isEqualTo("Open");
  }

  @Test
  @DisplayName("R23 a status outside the seven of R23 is refused")
  void unknownStatusIsRefused() {
    ProcessInstance instance = open(SmbCaseVariables.emailCase());

    assertThatThrownBy(() -> save(instance, CaseUpdate.status("Waiting on billing", FRIDAY)))
        .hasMessageContaining("Status must be one of Open, In Progress: Attempting Contact");
  }

  @ParameterizedTest(name = "R25 Next Steps \"{0}\" are refused")
  @CsvSource(delimiter = '|', value = {
      "Contact", "Waiting on billing", "05/07/2026 KK First touch email", "2026-07-05 First touch email",
      "2026-13-45 KK First touch email", "2026-07-05 KK"})
  void malformedNextStepsAreRefused(String nextSteps) {
    ProcessInstance instance = open(SmbCaseVariables.emailCase());

    assertThatThrownBy(() -> save(instance, CaseUpdate.status(CaseUpdate.ENGAGED, FRIDAY).nextSteps(nextSteps)))
        .hasMessageContaining("Next Steps must read YYYY-MM-DD XX what");
    assertThat(instance).isWaitingAt(SmbCase.PICK_UP_TASK);
  }

  @Test
  @DisplayName("R25 Next Steps are mandatory")
  void missingNextStepsAreRefused() {
    ProcessInstance instance = open(SmbCaseVariables.emailCase());

    assertThatThrownBy(() -> save(instance, CaseUpdate.status(CaseUpdate.ENGAGED, FRIDAY).nextSteps(null)))
        .hasMessageContaining("Next Steps must read YYYY-MM-DD XX what");
  }

  @Test
  @DisplayName("R23 R25 R13 every accepted update syncs Status and Next Steps to the Salesforce case")
  void updatesAreSyncedToSalesforce() {
    ProcessInstance instance = open(SmbCaseVariables.emailCase());

    save(instance, CaseUpdate.status(CaseUpdate.ENGAGED, FRIDAY).nextSteps("2026-11-27 AV Sent the quote"));
    save(instance, CaseUpdate.status("In Progress: Blocked", FRIDAY).nextSteps("2026-11-27 AV Waiting for billing"));

    assertThat(outbox(instance, "CASE_UPDATE")).extracting(OutboxEntry::text).containsExactly(
        "Status: In Progress: Engaged; Next Steps: 2026-11-27 AV Sent the quote",
        "Status: In Progress: Blocked; Next Steps: 2026-11-27 AV Waiting for billing");
    assertThat(instance).isWaitingAt(SmbCase.WORK_TASK);
  }

  @Test
  @DisplayName("R24 attempting contact starts the cadence: day 1, email the customer")
  void dayOneEmail() {
    ProcessInstance instance = open(SmbCaseVariables.emailCase());

    pickUp(instance, FRIDAY);

    assertAttemptingContact(instance);
    assertThat(variable(instance, "caseReminder")).isEqualTo("Day 1: email the customer (R24 cadence)");
  }

  @ParameterizedTest(name = "R24 day {0}: the advocate is reminded to {1} on {2} (business days)")
  @CsvSource({
      "3, call, 2026-12-02T10:00:00Z",
      "5, email, 2026-12-04T10:00:00Z",
      "7, email, 2026-12-08T10:00:00Z"})
  void cadenceReminders(int day, String what, String due) {
    ProcessInstance instance = open(SmbCaseVariables.emailCase());
    ClockUtil.setCurrentTime(Date.from(MONDAY_10_00));
    pickUp(instance, MONDAY);

    assertThat(timer(instance, "cadenceDay" + day).getDuedate()).isEqualTo(at(due));
    fire(instance, "cadenceDay" + day);

    assertThat(variable(instance, "caseReminder")).isEqualTo("Day " + day + ": " + what + " the customer (R24 cadence)");
    Task task = caseTask(instance);
    assertThat(task.getFollowUpDate()).isEqualTo(at(due));
    assertThat(task.getDescription()).startsWith("Day " + day + ": " + what);
    assertAttemptingContact(instance);
  }

  @Test
  @DisplayName("R24 updating the case while attempting contact keeps the cadence running from day 1")
  void cadenceSurvivesUpdates() {
    ProcessInstance instance = open(SmbCaseVariables.emailCase());
    ClockUtil.setCurrentTime(Date.from(MONDAY_10_00));
    pickUp(instance, MONDAY);

    ClockUtil.setCurrentTime(at("2026-12-01T09:00:00Z"));
    save(instance, CaseUpdate.status(CaseUpdate.ATTEMPTING_CONTACT, "2026-12-01").nextSteps("2026-12-01 AV Left a voicemail"));

    assertThat(timer(instance, "cadenceDay3").getDuedate()).isEqualTo(at("2026-12-02T10:00:00Z"));
    assertThat(outbox(instance, "CASE_UPDATE")).extracting(OutboxEntry::text).last()
        .isEqualTo("Status: In Progress: Attempting Contact; Next Steps: 2026-12-01 AV Left a voicemail");
  }

  @Test
  @DisplayName("R24 once the customer answers (Engaged) the cadence stops")
  void engagedStopsTheCadence() {
    ProcessInstance instance = open(SmbCaseVariables.emailCase());
    pickUp(instance, FRIDAY);

    save(instance, CaseUpdate.status(CaseUpdate.ENGAGED, FRIDAY));

    assertThat(instance).isWaitingAt(SmbCase.WORK_TASK);
    assertThat(hasTimer(instance, "cadenceDay3")).isFalse();
    assertThat(hasTimer(instance, "noAnswerIn15Days")).isFalse();
  }

  @Test
  @DisplayName("R29 a customer who wants contact later: Next Steps date moved out, status Open, same advocate, wakes on that date")
  void deferralWakesUpOnTheNextStepsDate() {
    ProcessInstance instance = open(SmbCaseVariables.emailCase());
    String advocate = advocateOf(instance);
    pickUp(instance, FRIDAY);

    // 2027-05-29 is a Saturday: the case wakes at the start of the next business day.
    save(instance, CaseUpdate.status("Open", "2027-05-29").nextSteps("2027-05-29 AV Customer open to talk about Ultimate in 6 months"));

    assertThat(instance).isWaitingAt("nextStepsDateReached");
    assertThat(caseTask(instance)).isNull();
    assertThat(variable(instance, "noTimeLimitReason")).isEqualTo("CONTACT_LATER");
    // Monday 00:00 on the case's calendar: the AMER team's, New York (EDT, -04:00), issue 15.
    assertThat(timer(instance, "nextStepsDateReached").getDuedate()).isEqualTo(at("2027-05-31T04:00:00Z"));
    assertThat(variable(instance, "smbCalendar")).isEqualTo("AMER");
    assertThat(outbox(instance, "CASE_UPDATE")).extracting(OutboxEntry::text).last()
        .isEqualTo("Status: Open; Next Steps: 2027-05-29 AV Customer open to talk about Ultimate in 6 months");

    fire(instance, "nextStepsDateReached");

    assertThat(instance).isWaitingAt(SmbCase.WORK_TASK);
    assertThat(caseTask(instance).getAssignee()).isEqualTo(advocate);
  }

  @Test
  @DisplayName("R31 R13 picking up a Support case comments on its Zendesk ticket and tells the waiting Support handoff")
  void supportCasePickUpCommentsOnTheTicket() {
    deployHandoffStandIn();
    ProcessInstance handoff = runtimeService().startProcessInstanceByKey("smbPickUpListener", "4711");
    ProcessInstance instance = open(SmbCaseVariables.caseFrom("SUPPORT", "Support ticket 4711: wire transfer")
        .with("salesforceCaseId", "500SUPPORT01").with("ticketId", "4711"));

    pickUp(instance, FRIDAY);

    List<OutboxEntry> notes = outbox(instance, "TICKET_UPDATE");
    assertThat(notes).singleElement().satisfies(note -> {
      assertThat(note.target()).isEqualTo("4711");
      assertThat(note.text()).contains("internal note: SMB Advocate " + advocateOf(instance)
          + " picked up Salesforce case 500SUPPORT01 and will reach out to the customer.");
    });
    assertThat(handoff).isWaitingAt("pickedUp");
    assertThat(runtimeService().getVariable(handoff.getId(), "contactName")).asString().contains("Advocate");
  }

  @Test
  @DisplayName("R31 a case without a Zendesk ticket comments nowhere")
  void caseWithoutTicketCommentsNowhere() {
    ProcessInstance instance = open(SmbCaseVariables.emailCase());

    pickUp(instance, FRIDAY);

    assertThat(outbox(instance, "TICKET_UPDATE")).isEmpty();
    assertThat(instance).hasNotPassed("tellSupportHandoff");
  }

  @Test
  @DisplayName("R33 a language barrier hands the case to another advocate and adds #languagebarrier to Feedback")
  void languageBarrierReassigns() {
    ensureAdvocate("amy", AMER);
    ProcessInstance instance = open(SmbCaseVariables.emailCase());
    String other = "ava".equals(advocateOf(instance)) ? "amy" : "ava";
    pickUp(instance, FRIDAY);

    save(instance, CaseUpdate.status(CaseUpdate.ENGAGED, FRIDAY).with("languageBarrier", true).with("reassignTo", other)
        .with("feedback", "Customer prefers Portuguese"));

    assertThat(caseTask(instance).getAssignee()).isEqualTo(other);
    assertThat(variable(instance, "feedback")).isEqualTo("Customer prefers Portuguese #languagebarrier");
    assertThat(outbox(instance, "CASE_UPDATE")).extracting(OutboxEntry::text).last().asString()
        .contains("Feedback: Customer prefers Portuguese #languagebarrier");
  }

  @Test
  @DisplayName("R33 a language barrier without another advocate named is refused")
  void languageBarrierNeedsAnotherAdvocate() {
    ProcessInstance instance = open(SmbCaseVariables.emailCase());
    pickUp(instance, FRIDAY);

    assertThatThrownBy(() -> save(instance, CaseUpdate.status(CaseUpdate.ENGAGED, FRIDAY).with("languageBarrier", true)
        .with("reassignTo", advocateOf(instance))))
        .hasMessageContaining("Language barrier: name the advocate who takes the case over");
  }

  /** Stands in for smbSalesUserHandoff's wait for the pick-up (message SmbCasePickedUp, business key = ticket id). */
  private void deployHandoffStandIn() {
    if (repositoryService().createProcessDefinitionQuery().processDefinitionKey("smbPickUpListener").count() == 0) {
      repositoryService().createDeployment().addModelInstance("smbPickUpListener.bpmn",
          Bpmn.createExecutableProcess("smbPickUpListener").camundaHistoryTimeToLive(1)
              .startEvent().intermediateCatchEvent("waitForPickUp").message(SmbCase.PICKED_UP_MESSAGE)
              .userTask("pickedUp").endEvent().done()).deploy();
    }
  }

}
