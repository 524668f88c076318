package com.gitlab.support.handoff.workflow.roles;

import static com.gitlab.support.handoff.workflow.roles.HandoffVariables.namedAccountOwner;
import static com.gitlab.support.handoff.workflow.roles.HandoffVariables.smbSalesUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import com.gitlab.support.handoff.connector.sandbox.OutboxEntry;
import com.gitlab.support.handoff.security.Groups;
import com.gitlab.support.handoff.warnings.AtRiskFilter;
import com.gitlab.support.handoff.warnings.MarkTasksAtRisk;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue #15: a warning before the owner's 24 business hours (R11, awaitSalesConfirmation's round) and before
 * the SMB team's pick-up (R13, smbSalesUserHandoff), on a moved clock: started Friday 15:00 UTC, 18 business
 * hours (handoff.warnings.share 0.75) end Monday 09:00, the target Monday 15:00.
 */
class BreachWarningsInRoleWorkflowsTest extends RoleWorkflowTestCase {

  private static final String NAMED = "namedAccountOwnerHandoff";
  private static final String SMB = "smbSalesUserHandoff";
  private static final Date MONDAY_09_00 = Date.from(Instant.parse("2026-11-30T09:00:00Z"));
  private static final Date TUESDAY_09_00 = Date.from(Instant.parse("2026-12-01T09:00:00Z"));

  private final String ticketId = HandoffVariables.newTicketId();

  @BeforeEach
  void theEngineerWorksInTasklist() {
    ensureUser(HandoffVariables.ENGINEER, "sam", "Engineer", Groups.SUPPORT_ENGINEERS);
  }

  @Test
  @DisplayName("R11 the owner is reminded on Chatter after 18 of the 24 business hours, across the weekend: Monday 09:00, 6 hours left")
  void r11_ownerIsRemindedBeforeTheEscalation() {
    start(NAMED, namedAccountOwner(ticketId));
    assertThat(timer(ticketId, "escalationWarningDue").getDuedate()).isEqualTo(MONDAY_09_00);
    assertThat(timer(ticketId, "escalationDue").getDuedate()).isEqualTo(Date.from(MONDAY_15_00));

    fire(ticketId, "escalationWarningDue");

    assertThat(chatterPosts(ticketId)).hasSize(2).last().satisfies(reminder -> {
      assertThat(reminder.target()).isEqualTo("005U1");
      assertThat(reminder.text()).contains("@Jane Owner Hi Jane Owner, a reminder about Zendesk ticket " + ticketId,
          "6 business hours are left before it is escalated up the org chart", "Acme");
    });
    assertThat(timer(ticketId, "escalationDue").getDuedate()).as("the escalation still comes at the target")
        .isEqualTo(Date.from(MONDAY_15_00));
  }

  @Test
  @DisplayName("R11 the warning marks the engineer's task at risk: the Tasklist filter \"At risk\" lists it with the target, Monday 15:00")
  void r11_warningMarksTheTaskAtRisk() {
    start(NAMED, namedAccountOwner(ticketId));
    Task confirmation = task(ticketId, "recordSalesConfirmation");
    assertThat(tasklistFilterAs(HandoffVariables.ENGINEER, AtRiskFilter.NAME)).extracting(Task::getId).doesNotContain(confirmation.getId());

    fire(ticketId, "escalationWarningDue");

    assertThat(taskService().getVariableLocal(confirmation.getId(), MarkTasksAtRisk.AT_RISK)).isEqualTo(true);
    assertThat(taskService().getVariableLocal(confirmation.getId(), MarkTasksAtRisk.BREACH_AT))
        .isEqualTo(Date.from(MONDAY_15_00));
    assertThat(tasklistFilterAs(HandoffVariables.ENGINEER, AtRiskFilter.NAME)).extracting(Task::getId).contains(confirmation.getId());
  }

  @Test
  @DisplayName("R11 R10 no warning when Sales confirms first: the warning's timer dies with the wait")
  void r11_noWarningWhenSalesConfirmsFirst() {
    start(NAMED, namedAccountOwner(ticketId));
    clockAt(Instant.parse("2026-11-30T08:00:00Z"));

    salesConfirmContact(ticketId, "Jane Owner");

    assertThat(hasTimer(ticketId, "escalationWarningDue")).isFalse();
    assertThat(chatterPosts(ticketId)).extracting(OutboxEntry::target).containsExactly("005U1");
  }

  @Test
  @DisplayName("R11 the warning never comes after its target: once the 24 business hours passed, that round's warning is gone and the next round warns the manager Tuesday 09:00")
  void r11_warningNeverAfterTheTarget() {
    start(NAMED, namedAccountOwner(ticketId));
    String firstWarning = timer(ticketId, "escalationWarningDue").getId();

    fire(ticketId, "escalationDue");

    assertThat(timer(ticketId, "escalationWarningDue").getId()).isNotEqualTo(firstWarning);
    assertThat(timer(ticketId, "escalationWarningDue").getDuedate()).isEqualTo(TUESDAY_09_00);
    assertThat(chatterPosts(ticketId)).extracting(OutboxEntry::target).containsExactly("005U1", "005U2");
    assertThat(chatterPosts(ticketId)).noneSatisfy(post -> assertThat(post.text()).contains("a reminder about"));
  }

  @Test
  @DisplayName("R11 every round warns whoever must answer now, each reminder posted once")
  void r11_eachRoundRemindsThePersonAskedLast() {
    start(NAMED, namedAccountOwner(ticketId));

    fire(ticketId, "escalationWarningDue");
    fire(ticketId, "escalationDue");
    fire(ticketId, "escalationWarningDue");

    assertThat(chatterPosts(ticketId)).extracting(OutboxEntry::target)
        .containsExactly("005U1", "005U1", "005U2", "005U2");
    assertThat(chatterPosts(ticketId).get(3).text()).startsWith("@Max Manager Hi Max Manager, a reminder about");
  }

  @Test
  @DisplayName("R13 the SMB team is nudged on the case's Chatter after 18 of its 24 business hours to pick up, Monday 09:00")
  void r13_smbTeamIsNudgedBeforeThePickUpSla() {
    start(SMB, smbSalesUser(ticketId));
    assertThat(timer(ticketId, "pickupWarningDue").getDuedate()).isEqualTo(MONDAY_09_00);

    fire(ticketId, "pickupWarningDue");

    assertThat(chatterPosts(ticketId)).singleElement().satisfies(nudge -> {
      assertThat(nudge.target()).isEqualTo("0F9G1");
      assertThat(nudge.text()).startsWith("@SMB Advocate Team Hi case owner, a reminder")
          .contains("Tiny Tools", ticketId, "6 business hours are left of its 24-business-hour pick-up SLA");
    });
    Task pickup = task(ticketId, "recordSmbPickup");
    assertThat(taskService().getVariableLocal(pickup.getId(), MarkTasksAtRisk.BREACH_AT)).isEqualTo(Date.from(MONDAY_15_00));
    assertThat(tasklistFilterAs(HandoffVariables.ENGINEER, AtRiskFilter.NAME)).extracting(Task::getId).contains(pickup.getId());
    assertThat(timer(ticketId, "pickupDue").getDuedate()).isEqualTo(Date.from(MONDAY_15_00));
  }

  @Test
  @DisplayName("R13 without Salesforce access the nudge goes to #global-digital-smb_public with the time left")
  void r13_withoutSalesforceAccessTheNudgeGoesToSlack() {
    start(SMB, smbSalesUser(ticketId).withoutSalesforceAccess());

    fire(ticketId, "pickupWarningDue");

    assertThat(slackMessages(ticketId)).hasSize(2).last().satisfies(nudge -> {
      assertThat(nudge.target()).isEqualTo("#global-digital-smb_public");
      assertThat(nudge.text()).contains("not picked up yet", "6 business hours are left", ticketId);
    });
    assertThat(chatterPosts(ticketId)).isEmpty();
  }

  @Test
  @DisplayName("R13 no nudge when the pick-up is recorded first: the warning dies with the engineer's task")
  void r13_noNudgeWhenPickedUpFirst() {
    start(SMB, smbSalesUser(ticketId));
    clockAt(Instant.parse("2026-11-30T08:59:00Z"));

    complete(ticketId, "recordSmbPickup", Map.of("contactName", "Ava Advocate"));

    assertThat(hasTimer(ticketId, "pickupWarningDue")).isFalse();
    assertThat(chatterPosts(ticketId)).isEmpty();
  }

  @Test
  @DisplayName("R11 the warning counts on the owner's calendar like its target: asked Friday 21:00 New York (AMER), warned Monday 15:00 New York, escalated Monday 21:00")
  void r11_warningCountsOnTheOwnersCalendar() {
    clockAt(Instant.parse("2026-11-28T02:00:00Z"));
    start(NAMED, namedAccountOwner(ticketId).with("salesRegion", "APJ"));

    assertThat(runtimeService().getVariable(awaitSalesInstance(ticketId).getId(), "salesCalendar")).isEqualTo("AMER");
    assertThat(timer(ticketId, "escalationWarningDue").getDuedate()).as("UTC's calendar would say Monday 18:00 UTC")
        .isEqualTo(Date.from(Instant.parse("2026-11-30T20:00:00Z")));
    assertThat(timer(ticketId, "escalationDue").getDuedate()).isEqualTo(Date.from(Instant.parse("2026-12-01T02:00:00Z")));
  }

  @Test
  @DisplayName("R13 the SMB team's warning counts on its calendar: AMER (New York) Monday 20:00 UTC, EMEA+APJ (London) Monday 18:00 UTC")
  void r13_warningCountsOnTheSmbTeamsCalendar() {
    clockAt(Instant.parse("2026-11-28T02:00:00Z"));
    String emeaTicket = HandoffVariables.newTicketId();
    start(SMB, smbSalesUser(ticketId));
    start(SMB, smbSalesUser(emeaTicket).with("smbTerritory", "EMEA_APJ"));

    assertThat(timer(ticketId, "pickupWarningDue").getDuedate()).isEqualTo(Date.from(Instant.parse("2026-11-30T20:00:00Z")));
    assertThat(timer(emeaTicket, "pickupWarningDue").getDuedate()).isEqualTo(Date.from(Instant.parse("2026-11-30T18:00:00Z")));
    assertThat(timer(emeaTicket, "pickupWarningDue").getDuedate()).isBefore(timer(emeaTicket, "pickupDue").getDuedate());
  }

}
