package com.gitlab.support.handoff.workflow.roles;

import static com.gitlab.support.handoff.workflow.roles.HandoffVariables.namedAccountOwner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import com.gitlab.support.handoff.connector.sandbox.OutboxEntry;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** namedAccountOwnerHandoff: the handbook's four steps for an account owned by a person (R8-R10). */
class NamedAccountOwnerHandoffTest extends RoleWorkflowTestCase {

  private static final String NAMED = "namedAccountOwnerHandoff";

  private final String ticketId = HandoffVariables.newTicketId();

  @Test
  @DisplayName("R8 answers on Zendesk with the Pass to Sales reply, assigns the engineer, ticks Escalated to sales: Open, then Pending")
  void initialResponseOnZendesk() {
    start(NAMED, namedAccountOwner(ticketId));

    List<OutboxEntry> updates = ticketUpdates(ticketId);
    assertThat(updates).hasSize(2);
    assertThat(updates.get(0).text())
        .contains("status: open", "assignee: sam@example.com", "Escalated to sales: true",
            "public reply: Hi, thank you for reaching out. We have passed your request to your account team");
    assertThat(updates.get(1).text()).startsWith("status: pending");
  }

  @Test
  @DisplayName("R9 mentions the Account Owner on Chatter with the request, the ticket link and the expected response time")
  void chatterMentionOfTheAccountOwner() {
    start(NAMED, namedAccountOwner(ticketId));

    assertThat(chatterPosts(ticketId)).singleElement().satisfies(post -> {
      assertThat(post.target()).isEqualTo("005U1");
      assertThat(post.text()).contains("@Jane Owner Hi Jane Owner", "jane@acme.com from Acme",
          "We would like to pay by wire transfer", "https://gitlab.zendesk.com/agent/tickets/" + ticketId,
          "Expected response time: 24 hours, not counting weekends, Family and Friends Day and global holidays");
      assertThat(post.text()).as("known facts only").contains("tier PREMIUM").doesNotContain("seats needed");
    });
  }

  @Test
  @DisplayName("R9 puts the Chatter link in an internal Zendesk note")
  void chatterLinkInAnInternalNote() {
    ProcessInstance named = start(NAMED, namedAccountOwner(ticketId));

    String chatterPostUrl = (String) historicVariable(named, "chatterPostUrl");
    assertThat(ticketUpdates(ticketId).get(1).text())
        .contains("internal note: Passed to Sales: Account Owner Jane Owner was mentioned on Chatter: " + chatterPostUrl);
  }

  @Test
  @DisplayName("R10 waits for Sales' confirmation: a Tasklist task for the engineer, with the ticket in its name and a form")
  void waitsForSalesConfirmation() {
    start(NAMED, namedAccountOwner(ticketId));

    assertThat(awaitSalesInstance(ticketId)).isWaitingAt("recordSalesConfirmation", "escalationDue");
    Task task = task(ticketId, "recordSalesConfirmation");
    assertThat(task.getName()).isEqualTo("Record Sales' confirmation for ticket " + ticketId);
    assertThat(task.getAssignee()).isEqualTo("sam");
    assertThat(task.getCamundaFormRef().getKey()).isEqualTo("recordSalesConfirmation");
    assertThat(task.getDueDate()).isEqualTo(Date.from(MONDAY_15_00));
    assertThat(taskService().getIdentityLinksForTask(task.getId()))
        .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("support-engineers"));
    assertThat(processEngine.getFormService().getDeployedTaskForm(task.getId())).isNotNull();
  }

  @Test
  @DisplayName("R10 Sales' confirmation puts the contact on the ticket, notes the 2-day follow-up, keeps it Pending")
  void confirmationUpdatesTheTicket() {
    start(NAMED, namedAccountOwner(ticketId));

    salesConfirmContact(ticketId, "Sally Sales");

    assertThat(ticketUpdates(ticketId).get(2).text()).contains("status: pending",
        "public reply: Hi, Sally Sales from our Sales team has confirmed",
        "We will check back with you in 2 business days",
        "internal note: Sales confirmed contact: Sally Sales. Follow-up in 2 business days");
  }

  @Test
  @DisplayName("R10 two business days after the confirmation the engineer checks the customer was contacted")
  void followUpTwoBusinessDaysLater() {
    start(NAMED, namedAccountOwner(ticketId));
    salesConfirmContact(ticketId, "Sally Sales");

    assertThat(awaitSalesInstance(ticketId)).isWaitingAt("followUpDue");
    assertThat(job()).hasDueDate(Date.from(TUESDAY_15_00));
    fire(ticketId, "followUpDue");

    Task followUp = task(ticketId, "checkCustomerContacted");
    assertThat(followUp.getName()).isEqualTo("Check the customer was contacted for ticket " + ticketId);
    assertThat(followUp.getAssignee()).isEqualTo("sam");
  }

  @Test
  @DisplayName("R10 the engineer may record Sales' confirmation in Tasklist; the caller gets contactName and salesConfirmed")
  void confirmationRecordedInTasklist() {
    ProcessInstance named = start(NAMED, namedAccountOwner(ticketId));

    complete(ticketId, "recordSalesConfirmation", Map.of("contactName", "Sally Sales"));
    assertThat(hasTimer(ticketId, "escalationDue")).isFalse();
    fire(ticketId, "followUpDue");
    complete(ticketId, "checkCustomerContacted", Map.of("customerContacted", "yes"));

    assertThat(named).isEnded();
    assertThat(historicVariable(named, "contactName")).isEqualTo("Sally Sales");
    assertThat(historicVariable(named, "salesConfirmed")).isEqualTo(true);
  }
}
