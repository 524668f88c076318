package com.gitlab.support.handoff.workflow.roles;

import static com.gitlab.support.handoff.workflow.roles.HandoffVariables.namedAccountOwner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import com.gitlab.support.handoff.connector.sandbox.OutboxEntry;
import java.util.Date;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** awaitSalesConfirmation's ladder, reached through the Named Account Owner workflow (R11). */
class SalesEscalationLadderTest extends RoleWorkflowTestCase {

  private static final String NAMED = "namedAccountOwnerHandoff";

  private final String ticketId = HandoffVariables.newTicketId();

  @Test
  @DisplayName("R11 a handoff on Friday 15:00 is due for escalation Monday 15:00 (24 business hours)")
  void escalationIsDueAfter24BusinessHours() {
    start(NAMED, namedAccountOwner(ticketId));

    assertThat(awaitSalesInstance(ticketId)).isWaitingAt("escalationDue");
    assertThat(job("escalationDue")).hasDueDate(Date.from(MONDAY_15_00));
  }

  @Test
  @DisplayName("R11 escalates to the owner's manager after 24 business hours without an answer")
  void escalatesToTheOwnersManager() {
    start(NAMED, namedAccountOwner(ticketId));

    fire(ticketId, "escalationDue");

    assertThat(chatterPosts(ticketId)).hasSize(2).last().satisfies(post -> {
      assertThat(post.target()).isEqualTo("005U2");
      assertThat(post.text()).contains("@Max Manager Hi Max Manager, Jane Owner has not answered our Chatter post",
          "Zendesk ticket " + ticketId, "24 business hours");
    });
    assertThat(timer(ticketId, "escalationDue").getDuedate()).isEqualTo(Date.from(TUESDAY_15_00));
  }

  @Test
  @DisplayName("R11 the ladder climbs owner, manager, regional VP, CEO, then stops and leaves the engineer a task")
  void ladderClimbsToTheCeoAndStops() {
    start(NAMED, namedAccountOwner(ticketId));

    fire(ticketId, "escalationDue");
    fire(ticketId, "escalationDue");
    fire(ticketId, "escalationDue");
    fire(ticketId, "escalationDue");

    assertThat(chatterPosts(ticketId)).extracting(OutboxEntry::target)
        .containsExactly("005U1", "005U2", "005U3", "005U0");
    assertThat(hasTimer(ticketId, "escalationDue")).isFalse();
    assertThat(awaitSalesInstance(ticketId)).isWaitingAt("recordSalesConfirmation", "followUpWithoutSales");
    assertThat(task(ticketId, "followUpWithoutSales").getName())
        .isEqualTo("Sales did not answer up to the CEO: follow up on ticket " + ticketId);
    assertThat(task(ticketId, "followUpWithoutSales").getAssignee()).isEqualTo("sam");
  }

  @Test
  @DisplayName("R11 recent outreach in the account's Salesforce Activity holds the escalation another 24 business hours")
  void recentOutreachHoldsTheEscalation() {
    start(NAMED, namedAccountOwner(ticketId).with("accountId", "001A6").with("accountName", "Umbrella"));

    fire(ticketId, "escalationDue");

    assertThat(chatterPosts(ticketId)).extracting(OutboxEntry::target).containsExactly("005U1");
    assertThat(slackMessages(ticketId)).isEmpty();
    assertThat(timer(ticketId, "escalationDue").getDuedate()).isEqualTo(Date.from(TUESDAY_15_00));
  }

  @Test
  @DisplayName("R11 R10 a confirmation mid-ladder stops the escalations and schedules the 2-business-day follow-up")
  void confirmationMidLadderStopsTheEscalation() {
    start(NAMED, namedAccountOwner(ticketId));
    fire(ticketId, "escalationDue");

    salesConfirmContact(ticketId, "Max Manager");

    assertThat(hasTimer(ticketId, "escalationDue")).isFalse();
    assertThat(task(ticketId, "recordSalesConfirmation")).isNull();
    assertThat(awaitSalesInstance(ticketId)).isWaitingAt("followUpDue");
    assertThat(job()).hasDueDate(Date.from(WEDNESDAY_15_00));
    assertThat(chatterPosts(ticketId)).hasSize(2);
  }
}
