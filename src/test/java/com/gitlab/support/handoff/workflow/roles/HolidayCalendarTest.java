package com.gitlab.support.handoff.workflow.roles;

import static com.gitlab.support.handoff.workflow.roles.HandoffVariables.namedAccountOwner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** The role workflows' timers with a holiday configured on Monday 2026-11-30 (handoff.calendar.holidays). */
@TestPropertySource(properties = "handoff.calendar.holidays=2026-11-30")
class HolidayCalendarTest extends RoleWorkflowTestCase {

  private final String ticketId = HandoffVariables.newTicketId();

  @Test
  @DisplayName("R11 with a holiday on Monday, a handoff on Friday 15:00 escalates Tuesday 15:00")
  void escalationSkipsTheHoliday() {
    start("namedAccountOwnerHandoff", namedAccountOwner(ticketId));

    assertThat(awaitSalesInstance(ticketId)).isWaitingAt("escalationDue");
    assertThat(job("escalationDue")).hasDueDate(Date.from(TUESDAY_15_00));
  }

  @Test
  @DisplayName("R10 with a holiday on Monday, a confirmation on Friday 15:00 is followed up Wednesday 15:00")
  void followUpSkipsTheHoliday() {
    start("namedAccountOwnerHandoff", namedAccountOwner(ticketId));

    salesConfirmContact(ticketId, "Sally Sales");

    assertThat(awaitSalesInstance(ticketId)).isWaitingAt("followUpDue");
    assertThat(job()).hasDueDate(Date.from(WEDNESDAY_15_00));
  }

  @Test
  @DisplayName("R13 with a holiday on Monday, an SMB case handed over on Friday 15:00 is overdue Tuesday 15:00")
  void smbPickUpSkipsTheHoliday() {
    start("smbSalesUserHandoff", HandoffVariables.smbSalesUser(ticketId));

    assertThat(timer(ticketId, "pickupDue").getDuedate()).isEqualTo(Date.from(TUESDAY_15_00));
  }

  @Test
  @DisplayName("R16 no morning review on a holiday")
  void noReviewOnAHoliday() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-30T09:00:00Z")));
    long holidaysBefore = historyService().createHistoricActivityInstanceQuery().activityId("noBusinessMorning").count();
    Job morning = managementService().createJobQuery().processDefinitionKey("dailySalesReview").timers()
        .withRetriesLeft().orderByJobDuedate().asc().list().get(0);

    managementService().executeJob(morning.getId());

    assertThat(historyService().createHistoricActivityInstanceQuery().activityId("noBusinessMorning").count())
        .isEqualTo(holidaysBefore + 1);
  }
}
