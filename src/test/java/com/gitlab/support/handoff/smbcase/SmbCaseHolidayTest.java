package com.gitlab.support.handoff.smbcase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** smbCase's timers with a holiday configured on Monday 2026-11-30 (handoff.calendar.holidays). */
@TestPropertySource(properties = "handoff.calendar.holidays=2026-11-30")
class SmbCaseHolidayTest extends SmbCaseTestCase {

  @Test
  @DisplayName("R22 with a holiday on Monday, a case routed Friday 15:00 must be picked up by Tuesday 15:00")
  void pickUpSlaSkipsTheHoliday() {
    ProcessInstance instance = open(SmbCaseVariables.emailCase());

    assertThat(timer(instance, "pickUpSlaMissed").getDuedate()).isEqualTo(at("2026-12-01T15:00:00Z"));
    assertThat(task(instance, SmbCase.PICK_UP_TASK).getDueDate()).isEqualTo(at("2026-12-01T15:00:00Z"));
  }

  @Test
  @DisplayName("R24 with a holiday on Monday, attempts started Friday 15:00 call on day 3, Wednesday 15:00")
  void cadenceSkipsTheHoliday() {
    ProcessInstance instance = open(SmbCaseVariables.emailCase());

    pickUp(instance, FRIDAY);

    assertThat(timer(instance, "cadenceDay3").getDuedate()).isEqualTo(at("2026-12-02T15:00:00Z"));
  }

  @Test
  @DisplayName("R35 with a holiday on Monday, a question asked Friday 15:00 is due Tuesday 15:00")
  void questionSkipsTheHoliday() {
    ProcessInstance instance = open(SmbCaseVariables.emailCase());

    runtimeService().createMessageCorrelation(SmbCase.QUESTION_MESSAGE).processInstanceBusinessKey(businessKey(instance))
        .setVariable("questionFrom", "Sam Support").setVariable("questionText", "Any news?").correlate();

    assertThat(task(instance, "answerQuestion").getDueDate()).isEqualTo(at("2026-12-01T15:00:00Z"));
  }
}
