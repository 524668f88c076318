package com.gitlab.support.handoff.workflow.roles;

import static com.gitlab.support.handoff.workflow.roles.HandoffVariables.namedAccountOwner;
import static com.gitlab.support.handoff.workflow.roles.HandoffVariables.smbSalesUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue 15: every timer of the handoffs counts on the calendar of whoever's answer it waits for. In the
 * sandbox CRM Jane Owner (005U1) is in AMER (America/New_York), her manager Max Manager (005U2) in EMEA
 * (Europe/London), Lara (005U4) has no region. EMEA alone has a holiday on Tuesday 1 December; the
 * engineer sam counts on APJ (Australia/Sydney). Expected instants are worked out by hand in UTC.
 */
@TestPropertySource(properties = {
    "handoff.calendar.regions.EMEA.holidays=2026-12-01",
    "handoff.calendar.people.sam=APJ"})
class RegionalCalendarTest extends RoleWorkflowTestCase {

  private static final String NAMED = "namedAccountOwnerHandoff";

  /** Saturday 02:00 UTC is still Friday 21:00 in New York. */
  private static final Instant SATURDAY_02_00 = Instant.parse("2026-11-28T02:00:00Z");

  private final String ticketId = HandoffVariables.newTicketId();

  @Test
  @DisplayName("R11 the owner's region (AMER) chooses the calendar: asked Friday 21:00 New York, escalation is due Monday 21:00 New York, not UTC's Tuesday 00:00")
  void r11_ownersRegionChoosesTheCalendar() {
    clockAt(SATURDAY_02_00);
    start(NAMED, namedAccountOwner(ticketId).with("salesRegion", "APJ"));

    assertThat(runtimeService().getVariable(awaitSalesInstance(ticketId).getId(), "salesCalendar")).isEqualTo("AMER");
    assertThat(timer(ticketId, "escalationDue").getDuedate()).isEqualTo(at("2026-12-01T02:00:00Z"));
    assertThat(task(ticketId, "recordSalesConfirmation").getDueDate()).as("the engineer's task waits for the same answer")
        .isEqualTo(at("2026-12-01T02:00:00Z"));
  }

  @Test
  @DisplayName("R11 escalating to a manager in EMEA moves the wait to EMEA's calendar, whose Tuesday holiday AMER does not have")
  void r11_escalationMovesToTheManagersCalendar() {
    start(NAMED, namedAccountOwner(ticketId));
    assertThat(timer(ticketId, "escalationDue").getDuedate()).isEqualTo(Date.from(MONDAY_15_00));

    fire(ticketId, "escalationDue");

    assertThat(runtimeService().getVariable(awaitSalesInstance(ticketId).getId(), "salesCalendar")).isEqualTo("EMEA");
    assertThat(timer(ticketId, "escalationDue").getDuedate())
        .as("Monday 15:00 London + 24 business hours, Tuesday an EMEA holiday: Wednesday 15:00")
        .isEqualTo(Date.from(WEDNESDAY_15_00));
  }

  @Test
  @DisplayName("R11 an owner without a region counts on the account's billing region (APJ): Friday 15:00 UTC is Saturday in Sydney, so Tuesday 00:00 Sydney")
  void r11_billingRegionWhenTheOwnerHasNone() {
    start(NAMED, namedAccountOwner(ticketId).with("salesOwnerId", "005U4").with("salesOwnerName", "Lara Large AMER")
        .with("salesRegion", "APJ"));

    assertThat(runtimeService().getVariable(awaitSalesInstance(ticketId).getId(), "salesCalendar")).isEqualTo("APJ");
    assertThat(timer(ticketId, "escalationDue").getDuedate()).isEqualTo(at("2026-11-30T13:00:00Z"));
  }

  @Test
  @DisplayName("R11 no region for the owner nor the account: the default calendar (UTC), Friday 15:00 to Monday 15:00")
  void r11_defaultCalendarWithoutRegions() {
    clockAt(SATURDAY_02_00);
    start(NAMED, namedAccountOwner(ticketId).with("salesOwnerId", "005U4").with("salesOwnerName", "Lara Large AMER")
        .with("salesRegion", null));

    assertThat(runtimeService().getVariable(awaitSalesInstance(ticketId).getId(), "salesCalendar")).isEqualTo("DEFAULT");
    assertThat(timer(ticketId, "escalationDue").getDuedate()).isEqualTo(at("2026-12-01T00:00:00Z"));
  }

  @Test
  @DisplayName("R10 the 2-day follow-up counts on the confirming salesperson's calendar, the engineer's check on the engineer's (APJ)")
  void r10_followUpOnTheSalespersonsCalendar() {
    clockAt(SATURDAY_02_00);
    start(NAMED, namedAccountOwner(ticketId));

    salesConfirmContact(ticketId, "Sally Sales");

    assertThat(timer(ticketId, "followUpDue").getDuedate()).as("Friday 21:00 New York + 2 business days")
        .isEqualTo(at("2026-12-02T02:00:00Z"));
    fire(ticketId, "followUpDue");
    Task check = task(ticketId, "checkCustomerContacted");
    assertThat(check.getDueDate()).as("Wednesday 13:00 Sydney + 8 business hours")
        .isEqualTo(at("2026-12-02T10:00:00Z"));
  }

  @Test
  @DisplayName("R13 the SMB pick-up SLA counts on the SMB team's calendar: EMEA_APJ (London) and AMER (New York) differ")
  void r13_smbPickUpOnTheTeamsCalendar() {
    clockAt(SATURDAY_02_00);
    String amerTicket = HandoffVariables.newTicketId();
    start("smbSalesUserHandoff", smbSalesUser(amerTicket));
    start("smbSalesUserHandoff", smbSalesUser(ticketId).with("smbTerritory", "EMEA_APJ"));

    assertThat(timer(amerTicket, "pickupDue").getDuedate()).as("Friday 21:00 New York + 24 h")
        .isEqualTo(at("2026-12-01T02:00:00Z"));
    assertThat(timer(ticketId, "pickupDue").getDuedate()).as("Saturday in London: Monday 00:00 + 24 h")
        .isEqualTo(at("2026-12-01T00:00:00Z"));
    assertThat(taskService().createTaskQuery().processInstanceBusinessKey(ticketId).taskDefinitionKey("recordSmbPickup")
        .singleResult().getDueDate()).isEqualTo(at("2026-12-01T00:00:00Z"));
  }

  @Test
  @DisplayName("R16 the daily review comes at 09:00 in the engineer's zone: sam (APJ) gets it at 09:00 Sydney (22:00 UTC), not at 09:00 UTC")
  void r16_reviewAtNineInTheEngineersZone() {
    start(NAMED, namedAccountOwner(ticketId));

    assertThat(reviewsOfSamAt("2026-11-30T09:00:00Z")).as("20:00 in Sydney").isZero();
    assertThat(reviewsOfSamAt("2026-11-30T22:00:00Z")).as("Tuesday 09:00 in Sydney").isOne();
    Task review = taskService().createTaskQuery().taskDefinitionKey("reviewEscalatedTickets").taskAssignee("sam")
        .singleResult();
    assertThat(review.getName()).isEqualTo("Review your tickets escalated to Sales (2026-12-01)");
    assertThat(review.getDueDate()).as("8 business hours later in Sydney").isEqualTo(at("2026-12-01T06:00:00Z"));
    assertThat(managementService().createJobQuery().processInstanceId(review.getProcessInstanceId()).timers()
        .singleResult().getDuedate()).as("replaced Wednesday 08:59 Sydney").isEqualTo(at("2026-12-01T21:59:00Z"));
  }

  /** Fires dailySalesReview's 15-minute timer at {@code isoInstant}; how many review tasks sam got from it. */
  private long reviewsOfSamAt(String isoInstant) {
    clockAt(Instant.parse(isoInstant));
    List<String> before = taskService().createTaskQuery().taskDefinitionKey("reviewEscalatedTickets").taskAssignee("sam")
        .list().stream().map(Task::getId).toList();
    Job timer = managementService().createJobQuery().processDefinitionKey("dailySalesReview").timers()
        .activityId("everyQuarterHour").withRetriesLeft().orderByJobDuedate().asc().list().get(0);
    managementService().executeJob(timer.getId());
    return taskService().createTaskQuery().taskDefinitionKey("reviewEscalatedTickets").taskAssignee("sam").list()
        .stream().filter(task -> !before.contains(task.getId())).count();
  }
}
