package com.gitlab.support.handoff.smbcase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import com.gitlab.support.handoff.warnings.AtRiskFilter;
import com.gitlab.support.handoff.warnings.MarkTasksAtRisk;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue #15 on the SMB case: a warning at 75 % of the pick-up SLA (R22), of the 7-day target (R26) and of
 * the one business day to answer a question (R35), on a moved clock. Opened Friday 15:00 UTC: 18 business
 * hours end Monday 09:00; 5 business days and 6 hours end Friday 4 December 21:00.
 */
class SmbCaseWarningsTest extends SmbCaseTestCase {

  private static final Date MONDAY_09_00 = at("2026-11-30T09:00:00Z");
  private static final Date SEVEN_DAYS_NEAR = at("2026-12-04T21:00:00Z");
  private static final Date SEVEN_DAYS = at("2026-12-08T15:00:00Z");

  @Test
  @DisplayName("R22 the advocate is nudged on the case feed after 18 of the 24 business hours to pick up, across the weekend")
  void r22_advocateIsNudgedBeforeThePickUpSla() {
    ProcessInstance instance = open(SmbCaseVariables.emailCase());
    assertThat(timer(instance, "pickUpWarningDue").getDuedate()).isEqualTo(MONDAY_09_00);

    fire(instance, "pickUpWarningDue");

    assertThat(outbox(instance, "CHATTER_POST")).singleElement().satisfies(nudge ->
        assertThat(nudge.text()).contains("case " + businessKey(instance), "is not picked up yet",
            "6 business hours are left of its 24-business-hour pick-up SLA"));
    Task pickUp = task(instance, SmbCase.PICK_UP_TASK);
    assertThat(taskService().getVariableLocal(pickUp.getId(), MarkTasksAtRisk.BREACH_AT)).isEqualTo(Date.from(MONDAY_15_00));
    assertThat(tasklistFilterAs(advocateOf(instance), AtRiskFilter.NAME)).extracting(Task::getId).contains(pickUp.getId());
    assertThat(timer(instance, "pickUpSlaMissed").getDuedate()).isEqualTo(Date.from(MONDAY_15_00));
  }

  @Test
  @DisplayName("R22 no nudge once the case is picked up: the warning dies with the pick-up task")
  void r22_noNudgeOncePickedUp() {
    ProcessInstance instance = open(SmbCaseVariables.emailCase());
    clockAt(java.time.Instant.parse("2026-11-30T08:00:00Z"));

    pickUp(instance, MONDAY);

    assertThat(hasTimer(instance, "pickUpWarningDue")).isFalse();
    assertThat(outbox(instance, "CHATTER_POST")).isEmpty();
  }

  @Test
  @DisplayName("R26 the advocate is warned 1 business day and 18 hours before the 7-day target, and the case task is at risk")
  void r26_sevenDayTargetWarnsBefore() {
    ProcessInstance instance = open(SmbCaseVariables.emailCase());
    save(instance, CaseUpdate.status(CaseUpdate.ENGAGED, FRIDAY));
    assertThat(timer(instance, "sevenDaysWarningDue").getDuedate()).isEqualTo(SEVEN_DAYS_NEAR)
        .isBefore(timer(instance, "sevenDaysPassed").getDuedate());

    fire(instance, "sevenDaysWarningDue");

    assertThat(outbox(instance, "CHATTER_POST")).singleElement().satisfies(nudge ->
        assertThat(nudge.text()).contains("case " + businessKey(instance),
            "1 business day and 18 hours left of its 7-day resolution target"));
    assertThat(taskService().getVariableLocal(caseTask(instance).getId(), MarkTasksAtRisk.BREACH_AT)).isEqualTo(SEVEN_DAYS);
    assertThat(tasklistFilterAs(advocateOf(instance), AtRiskFilter.NAME)).extracting(Task::getId).contains(caseTask(instance).getId());
  }

  @Test
  @DisplayName("R24 R26 a case attempting contact near its 7-day target: the task in attemptSmbCaseContact is at risk")
  void r26_sevenDayWarningReachesTheContactAttempts() {
    ProcessInstance instance = open(SmbCaseVariables.emailCase());
    pickUp(instance, FRIDAY);

    fire(instance, "sevenDaysWarningDue");

    Task task = caseTask(instance);
    assertThat(task.getProcessInstanceId()).isEqualTo(contactAttempts(instance).getId());
    assertThat(taskService().getVariableLocal(task.getId(), MarkTasksAtRisk.AT_RISK)).isEqualTo(true);
    assertThat(taskService().getVariableLocal(task.getId(), MarkTasksAtRisk.BREACH_AT)).isEqualTo(SEVEN_DAYS);
    assertThat(tasklistFilterAs(advocateOf(instance), AtRiskFilter.NAME)).extracting(Task::getId).contains(task.getId());
  }

  @Test
  @DisplayName("R26 a case without a time limit gets no 7-day warning")
  void r26_exemptCaseGetsNoWarning() {
    ProcessInstance instance = open(SmbCaseVariables.emailCase());
    save(instance, CaseUpdate.status(CaseUpdate.ENGAGED, FRIDAY).with("noTimeLimitReason", "PO_REQUIRED"));

    fire(instance, "sevenDaysWarningDue");

    assertThat(outbox(instance, "CHATTER_POST")).isEmpty();
    assertThat(taskService().getVariableLocal(caseTask(instance).getId(), MarkTasksAtRisk.AT_RISK)).isNull();
  }

  @Test
  @DisplayName("R35 a question unanswered after 18 business hours nudges the advocate: 6 hours left of the business day")
  void r35_questionWarnsBeforeOneBusinessDay() {
    ProcessInstance instance = open(SmbCaseVariables.emailCase());
    ask(instance, "Sam Support", "Any news?");
    assertThat(timer(instance, "answerWarningDue").getDuedate()).isEqualTo(MONDAY_09_00);

    fire(instance, "answerWarningDue");

    assertThat(outbox(instance, "CHATTER_POST")).singleElement().satisfies(nudge ->
        assertThat(nudge.text()).contains("Sam Support asked a question on case " + businessKey(instance),
            "6 business hours are left of the one business day to answer"));
    Task answer = task(instance, "answerQuestion");
    assertThat(taskService().getVariableLocal(answer.getId(), MarkTasksAtRisk.AT_RISK)).isEqualTo(true);
  }

  @Test
  @DisplayName("R35 no nudge when the question is answered first")
  void r35_noWarningWhenAnswered() {
    ProcessInstance instance = open(SmbCaseVariables.emailCase());
    ask(instance, "Sam Support", "Any news?");

    complete(instance, task(instance, "answerQuestion"), Map.of("questionAnswered", true));

    assertThat(hasTimer(instance, "answerWarningDue")).isFalse();
    assertThat(outbox(instance, "CHATTER_POST")).isEmpty();
  }

  private void ask(ProcessInstance instance, String from, String question) {
    runtimeService().createMessageCorrelation(SmbCase.QUESTION_MESSAGE).processInstanceBusinessKey(businessKey(instance))
        .setVariable("questionFrom", from).setVariable("questionText", question).correlate();
    runAsyncSteps(instance);
  }

}
