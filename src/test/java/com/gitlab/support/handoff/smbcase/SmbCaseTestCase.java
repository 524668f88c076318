package com.gitlab.support.handoff.smbcase;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import com.gitlab.support.handoff.ProcessTestCase;
import com.gitlab.support.handoff.connector.sandbox.OutboxEntry;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Drives {@code smbCase} the way the job executor and the advocates would: async steps run at once,
 * timers fire when a test moves the engine clock to their due date. The usual start is Friday
 * 2026-11-27 15:00 UTC, so "24 business hours" is Monday 15:00 and business days skip the weekend.
 */
abstract class SmbCaseTestCase extends ProcessTestCase {

  static final Instant FRIDAY_15_00 = Instant.parse("2026-11-27T15:00:00Z");
  static final Instant MONDAY_10_00 = Instant.parse("2026-11-30T10:00:00Z");
  static final Instant MONDAY_15_00 = Instant.parse("2026-11-30T15:00:00Z");
  static final String FRIDAY = "2026-11-27";
  static final String MONDAY = "2026-11-30";

  static final String AMER = "smb-advocates-amer";
  static final String EMEA_APJ = "smb-advocates-emea-apj";

  @BeforeEach
  void givenTheClockOnFridayAfternoon() {
    ClockUtil.setCurrentTime(Date.from(FRIDAY_15_00));
  }

  /** Cases of earlier tests would count towards an advocate's capacity (R21): every test starts with none. */
  @AfterEach
  void deleteCases() {
    for (String key : List.of(SmbCase.PROCESS_KEY, "smbCaseSalesforceSync")) {
      runtimeService().createProcessInstanceQuery().processDefinitionKey(key).list().forEach(pi ->
          runtimeService().deleteProcessInstanceIfExists(pi.getId(), "test over", true, true, true, false));
    }
  }

  /** The advocate the case was routed to. */
  String advocateOf(ProcessInstance instance) {
    return (String) variable(instance, "advocate");
  }

  /** A Camunda user in an advocate group (created when missing). */
  void ensureAdvocate(String userId, String group) {
    IdentityService identity = processEngine.getIdentityService();
    if (identity.createUserQuery().userId(userId).count() == 0) {
      var user = identity.newUser(userId);
      user.setFirstName(userId.substring(0, 1).toUpperCase() + userId.substring(1));
      user.setLastName("Advocate");
      user.setEmail(userId + "@example.com");
      identity.saveUser(user);
    }
    if (identity.createUserQuery().userId(userId).memberOfGroup(group).count() == 0) {
      identity.createMembership(userId, group);
    }
  }

  void removeFromGroup(String userId, String group) {
    processEngine.getIdentityService().deleteMembership(userId, group);
  }

  /** Opens a case and runs it up to its first wait (the advocate's task, SMB Ops' triage, ...). */
  ProcessInstance open(SmbCaseVariables variables) {
    ProcessInstance instance = runtimeService().startProcessInstanceByKey(SmbCase.PROCESS_KEY, variables.build());
    runAsyncSteps(instance);
    return instance;
  }

  /** Runs every due async continuation of the case (and of the sync processes it calls) until none is left. */
  void runAsyncSteps(ProcessInstance instance) {
    String businessKey = businessKey(instance);
    for (int round = 0; round < 100; round++) {
      List<Job> due = runtimeService().createProcessInstanceQuery().processInstanceBusinessKey(businessKey).list().stream()
          .flatMap(pi -> managementService().createJobQuery().processInstanceId(pi.getId()).messages().executable()
              .list().stream())
          .toList();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> managementService().executeJob(job.getId()));
    }
    throw new IllegalStateException("Case " + businessKey + " keeps producing jobs: a loop without a wait state?");
  }

  String businessKey(ProcessInstance instance) {
    ProcessInstance current = runtimeService().createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult();
    return current != null ? current.getBusinessKey() : instance.getBusinessKey();
  }

  /** The case's timer at {@code activityId}. */
  Job timer(ProcessInstance instance, String activityId) {
    return managementService().createJobQuery().processInstanceId(instance.getId()).activityId(activityId).timers()
        .list().stream().findFirst()
        .orElseThrow(() -> new AssertionError("Case has no timer at " + activityId));
  }

  boolean hasTimer(ProcessInstance instance, String activityId) {
    return managementService().createJobQuery().processInstanceId(instance.getId()).activityId(activityId).timers()
        .count() > 0;
  }

  /** Moves the engine clock to the timer's due date, fires it and runs the steps that follow. */
  void fire(ProcessInstance instance, String activityId) {
    Job job = timer(instance, activityId);
    ClockUtil.setCurrentTime(job.getDuedate());
    managementService().executeJob(job.getId());
    runAsyncSteps(instance);
  }

  /** The open task of the case with this definition key, or null. */
  Task task(ProcessInstance instance, String taskKey) {
    return taskService().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey)
        .initializeFormKeys().singleResult();
  }

  /** The advocate's open case task, whichever phase the case is in. */
  Task caseTask(ProcessInstance instance) {
    return taskService().createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKeyIn(SmbCase.WORK_TASKS.toArray(String[]::new)).singleResult();
  }

  /** The advocate saves the case form; the steps that follow run. */
  void save(ProcessInstance instance, CaseUpdate update) {
    complete(instance, caseTask(instance), update.build());
  }

  void complete(ProcessInstance instance, Task task, Map<String, Object> variables) {
    if (task == null) {
      throw new AssertionError("The case has no open task to complete");
    }
    taskService().complete(task.getId(), variables);
    runAsyncSteps(instance);
  }

  /** Picks the case up (R23) as Attempting Contact, Next Steps dated today. */
  void pickUp(ProcessInstance instance, String today) {
    save(instance, CaseUpdate.status(CaseUpdate.ATTEMPTING_CONTACT, today));
  }

  /** The task's candidate groups (camunda-bpm-assert checks them only on unassigned tasks). */
  List<String> candidateGroupsOf(Task task) {
    return taskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> "candidate".equals(link.getType()) && link.getGroupId() != null)
        .map(link -> link.getGroupId()).toList();
  }

  Object variable(ProcessInstance instance, String name) {
    return runtimeService().getVariable(instance.getId(), name);
  }

  List<OutboxEntry> outbox(ProcessInstance instance, String action) {
    return outboxFor(businessKey(instance)).stream().filter(entry -> entry.action().equals(action)).toList();
  }

  static Date at(String isoInstant) {
    return Date.from(Instant.parse(isoInstant));
  }
}
