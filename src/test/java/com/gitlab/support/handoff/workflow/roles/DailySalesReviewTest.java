package com.gitlab.support.handoff.workflow.roles;

import static com.gitlab.support.handoff.workflow.roles.HandoffVariables.namedAccountOwner;
import static com.gitlab.support.handoff.workflow.roles.HandoffVariables.smbSalesUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import com.gitlab.support.handoff.review.EscalatedToSalesFilter;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** R16: the Tasklist filter "Escalated to Sales" and the business-morning review (dailySalesReview). */
class DailySalesReviewTest extends RoleWorkflowTestCase {

  static final Instant MONDAY_09_00 = Instant.parse("2026-11-30T09:00:00Z");

  /** An engineer of this test only, so reminders of other tests' handoffs do not mix in. */
  private final String engineer = "eng" + UUID.randomUUID().toString().substring(0, 6);

  @Test
  @DisplayName("R16 the Tasklist filter \"Escalated to Sales\" exists and support engineers may read it")
  void filterExistsForSupportEngineers() {
    Filter filter = escalatedToSalesFilter();

    assertThat(processEngine.getAuthorizationService().createAuthorizationQuery()
        .groupIdIn("support-engineers").resourceType(Resources.FILTER).resourceId(filter.getId())
        .singleResult().isPermissionGranted(Permissions.READ)).isTrue();
    assertThat(processEngine.getAuthorizationService().isUserAuthorized("sam", List.of("support-engineers"),
        Permissions.READ, Resources.FILTER, filter.getId())).isTrue();
  }

  @Test
  @DisplayName("R16 the filter shows the engineer's handoffs while they wait for Sales, and no longer once Sales confirmed")
  void filterShowsHandoffsWaitingForSales() {
    String ticketId = HandoffVariables.newTicketId();
    start("namedAccountOwnerHandoff", namedAccountOwner(ticketId));
    String waiting = task(ticketId, "recordSalesConfirmation").getId();

    assertThat(filteredAsSam()).extracting(Task::getId).contains(waiting);

    salesConfirmContact(ticketId, "Sally Sales");
    assertThat(filteredAsSam()).extracting(Task::getId).doesNotContain(waiting);
  }

  @Test
  @DisplayName("R16 each business morning every engineer gets one review task listing their handoffs still waiting for Sales")
  void morningReviewRemindsEachEngineer() {
    ensureEngineer(engineer);
    String colleague = engineer + "b";
    ensureEngineer(colleague);
    String named = HandoffVariables.newTicketId();
    String smb = HandoffVariables.newTicketId();
    String colleagues = HandoffVariables.newTicketId();
    start("namedAccountOwnerHandoff", namedAccountOwner(named).with("engineer", engineer));
    start("smbSalesUserHandoff", smbSalesUser(smb).with("engineer", engineer));
    start("namedAccountOwnerHandoff", namedAccountOwner(colleagues).with("engineer", colleague));

    runMorningReview(MONDAY_09_00);

    Task review = taskService().createTaskQuery().taskDefinitionKey("reviewEscalatedTickets")
        .taskAssignee(engineer).singleResult();
    assertThat(review.getName()).isEqualTo("Review your tickets escalated to Sales (2026-11-30)");
    assertThat((String) taskService().getVariable(review.getId(), "waitingTickets"))
        .contains("Ticket [" + named + "]", "Acme: waiting for Jane Owner since 2026-11-27")
        .contains("Ticket [" + smb + "]", "Tiny Tools: waiting for the SMB team AMER")
        .doesNotContain(colleagues);
    Task colleaguesReview = taskService().createTaskQuery().taskDefinitionKey("reviewEscalatedTickets")
        .processInstanceId(review.getProcessInstanceId()).taskAssignee(colleague).singleResult();
    assertThat((String) taskService().getVariable(colleaguesReview.getId(), "waitingTickets"))
        .contains(colleagues).doesNotContain(named);
  }

  @Test
  @DisplayName("R16 an engineer without waiting handoffs gets no review; an open review gives way to the next morning's")
  void reviewOnlyForWaitingHandoffsUntilTheNextMorning() {
    ensureEngineer(engineer);
    String ticketId = HandoffVariables.newTicketId();
    start("namedAccountOwnerHandoff", namedAccountOwner(ticketId).with("engineer", engineer));
    salesConfirmContact(ticketId, "Sally Sales");

    String reviewInstance = runMorningReview(MONDAY_09_00);

    assertThat(taskService().createTaskQuery().taskDefinitionKey("reviewEscalatedTickets")
        .processInstanceId(reviewInstance).taskAssignee(engineer).count()).isZero();
    assertThat(managementService().createJobQuery().processInstanceId(reviewInstance).timers().singleResult()
        .getDuedate()).isEqualTo(Date.from(Instant.parse("2026-12-01T08:59:00Z")));
  }

  /** Fires the cron timer of dailySalesReview at the given moment; returns the review's process instance id. */
  String runMorningReview(Instant at) {
    ClockUtil.setCurrentTime(Date.from(at));
    Job morning = managementService().createJobQuery().processDefinitionKey("dailySalesReview").timers()
        .activityId("everyQuarterHour").withRetriesLeft().orderByJobDuedate().asc().list().get(0);
    List<String> before = reviewInstances();
    managementService().executeJob(morning.getId());
    return reviewInstances().stream().filter(id -> !before.contains(id)).findFirst()
        .orElseThrow(() -> new AssertionError("the morning review did not start or ended at once"));
  }

  private static List<String> reviewInstances() {
    return org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService()
        .createProcessInstanceQuery().processDefinitionKey("dailySalesReview").list().stream()
        .map(instance -> instance.getId()).toList();
  }

  private Filter escalatedToSalesFilter() {
    return processEngine.getFilterService().createFilterQuery().filterName(EscalatedToSalesFilter.NAME).singleResult();
  }

  private List<Task> filteredAsSam() {
    processEngine.getIdentityService().setAuthentication("sam", List.of("support-engineers"));
    try {
      return processEngine.getFilterService().list(escalatedToSalesFilter().getId());
    } finally {
      processEngine.getIdentityService().clearAuthentication();
    }
  }
}
