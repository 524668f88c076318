package com.gitlab.support.handoff.workflow.roles;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import com.gitlab.support.handoff.ProcessTestCase;
import com.gitlab.support.handoff.connector.sandbox.OutboxEntry;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;

/**
 * Drives the role workflows the way the job executor would: every async step of a ticket's
 * instances runs at once, timers fire when a test moves the engine clock to their due date.
 * Dates: Friday 2026-11-27 15:00 UTC is the usual start, so "24 business hours" is Monday 15:00.
 */
abstract class RoleWorkflowTestCase extends ProcessTestCase {

  static final Instant FRIDAY_15_00 = Instant.parse("2026-11-27T15:00:00Z");
  static final Instant MONDAY_15_00 = Instant.parse("2026-11-30T15:00:00Z");
  static final Instant TUESDAY_15_00 = Instant.parse("2026-12-01T15:00:00Z");
  static final Instant WEDNESDAY_15_00 = Instant.parse("2026-12-02T15:00:00Z");
  static final Instant THURSDAY_15_00 = Instant.parse("2026-12-03T15:00:00Z");

  static final String AWAIT_SALES = "awaitSalesConfirmation";

  @BeforeEach
  void givenTheEngineerAndTheSmbCaseProcess() {
    ClockUtil.setCurrentTime(Date.from(FRIDAY_15_00));
    ensureEngineer(HandoffVariables.ENGINEER);
    // smbCase belongs to another workflow; until it is deployed, a stand-in with the same key receives our cases.
    if (repositoryService().createProcessDefinitionQuery().processDefinitionKey("smbCase").count() == 0) {
      repositoryService().createDeployment().name("smbCase stand-in")
          .addClasspathResource("stand-ins/smbCase.bpmn").deploy();
    }
  }

  /** A Camunda user with an email address, as Zendesk assignment needs one. */
  void ensureEngineer(String userId) {
    IdentityService identity = processEngine.getIdentityService();
    if (identity.createUserQuery().userId(userId).count() == 0) {
      var user = identity.newUser(userId);
      user.setFirstName(userId);
      user.setLastName("Engineer");
      user.setEmail(userId + "@example.com");
      identity.saveUser(user);
    }
  }

  /** Starts a role workflow as salesHandoff's call activity would, and runs its steps up to the first wait. */
  ProcessInstance start(String processKey, HandoffVariables variables) {
    String ticketId = (String) variables.build().get("ticketId");
    ProcessInstance instance = runtimeService().startProcessInstanceByKey(processKey, ticketId, variables.build());
    runAsyncSteps(ticketId);
    return instance;
  }

  /** Runs every due async continuation of the ticket's process instances until none is left. */
  void runAsyncSteps(String ticketId) {
    for (int round = 0; round < 100; round++) {
      List<Job> due = ticketInstances(ticketId).stream()
          .flatMap(instance -> managementService().createJobQuery().processInstanceId(instance.getId())
              .messages().executable().list().stream())
          .toList();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> managementService().executeJob(job.getId()));
    }
    throw new IllegalStateException("Ticket " + ticketId + " keeps producing jobs: a loop without a wait state?");
  }

  /** The timer of the ticket waiting at {@code activityId}. */
  Job timer(String ticketId, String activityId) {
    return ticketInstances(ticketId).stream()
        .flatMap(instance -> managementService().createJobQuery().processInstanceId(instance.getId())
            .activityId(activityId).timers().list().stream())
        .findFirst()
        .orElseThrow(() -> new AssertionError("Ticket " + ticketId + " has no timer at " + activityId));
  }

  boolean hasTimer(String ticketId, String activityId) {
    return ticketInstances(ticketId).stream().anyMatch(instance -> managementService().createJobQuery()
        .processInstanceId(instance.getId()).activityId(activityId).timers().count() > 0);
  }

  /** Moves the engine clock to the timer's due date, fires it and runs the steps that follow. */
  void fire(String ticketId, String activityId) {
    Job job = timer(ticketId, activityId);
    ClockUtil.setCurrentTime(job.getDuedate());
    managementService().executeJob(job.getId());
    runAsyncSteps(ticketId);
  }

  /** The open task of the ticket with this definition key. */
  Task task(String ticketId, String taskKey) {
    return taskService().createTaskQuery().processInstanceBusinessKey(ticketId).taskDefinitionKey(taskKey)
        .initializeFormKeys().singleResult();
  }

  /** Completes the ticket's open task and runs the steps that follow. */
  void complete(String ticketId, String taskKey, java.util.Map<String, Object> variables) {
    Task task = task(ticketId, taskKey);
    if (task == null) {
      throw new AssertionError("Ticket " + ticketId + " has no open task " + taskKey);
    }
    taskService().complete(task.getId(), variables);
    runAsyncSteps(ticketId);
  }

  /** Sales confirms contact, as the Salesforce/Zendesk integration would report it. */
  void salesConfirmContact(String ticketId, String contactName) {
    runtimeService().createMessageCorrelation("SalesConfirmedContact").processInstanceBusinessKey(ticketId)
        .setVariable("contactName", contactName).correlate();
    runAsyncSteps(ticketId);
  }

  /** A variable's last value in the (possibly ended) process instance. */
  static Object historicVariable(ProcessInstance instance, String name) {
    HistoricVariableInstance variable = historyService().createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).variableName(name).singleResult();
    return variable == null ? null : variable.getValue();
  }

  ProcessInstance awaitSalesInstance(String ticketId) {
    return runtimeService().createProcessInstanceQuery().processDefinitionKey(AWAIT_SALES)
        .processInstanceBusinessKey(ticketId).singleResult();
  }

  List<OutboxEntry> outbox(String ticketId, String action) {
    return outboxFor(ticketId).stream().filter(entry -> entry.action().equals(action)).toList();
  }

  List<OutboxEntry> chatterPosts(String ticketId) {
    return outbox(ticketId, "CHATTER_POST");
  }

  List<OutboxEntry> slackMessages(String ticketId) {
    return outbox(ticketId, "SLACK_MESSAGE");
  }

  List<OutboxEntry> ticketUpdates(String ticketId) {
    return outbox(ticketId, "TICKET_UPDATE");
  }

  private List<ProcessInstance> ticketInstances(String ticketId) {
    return runtimeService().createProcessInstanceQuery().processInstanceBusinessKey(ticketId).list();
  }
}
