package com.gitlab.support.handoff;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import com.gitlab.support.handoff.connector.sandbox.Outbox;
import com.gitlab.support.handoff.connector.sandbox.OutboxEntry;
import com.gitlab.support.handoff.refusals.Refusal;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestExecutionListeners;

/**
 * The one harness of the process tests: the whole application on an in-memory database with sandbox
 * connectors, the job executor off, the engine clock reset after each test, process test coverage
 * recorded under target/.
 *
 * <p>It drives instances the way the job executor and the people in Tasklist would, by business key
 * (a ticket id or an SMB case key), so a step in a called process with the same key is found too:
 * {@link #runAsyncSteps} runs every due async continuation, {@link #fire} moves the engine clock to a
 * timer's due date and fires it, {@link #task} and {@link #complete} find and complete user tasks.
 * Each has an overload taking the {@link ProcessInstance} a test started. Dates are UTC: the usual
 * start is Friday 2026-11-27 15:00, so "24 business hours" is Monday 15:00.
 *
 * <p>External systems are WireMock servers started by {@code RemoteSystem} (in the test sources),
 * never mocks of our own clients.
 */
@SpringBootTest
@ActiveProfiles(resolver = TestProfiles.class)
@Import(ProcessEngineCoverageConfiguration.class)
@TestExecutionListeners(
    listeners = ProcessEngineCoverageTestExecutionListener.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public abstract class ProcessTestCase {

  protected static final Instant FRIDAY_15_00 = Instant.parse("2026-11-27T15:00:00Z");
  protected static final Instant MONDAY_10_00 = Instant.parse("2026-11-30T10:00:00Z");
  protected static final Instant MONDAY_15_00 = Instant.parse("2026-11-30T15:00:00Z");
  protected static final Instant TUESDAY_15_00 = Instant.parse("2026-12-01T15:00:00Z");
  protected static final Instant WEDNESDAY_15_00 = Instant.parse("2026-12-02T15:00:00Z");
  protected static final Instant THURSDAY_15_00 = Instant.parse("2026-12-03T15:00:00Z");

  private static final int MAX_ROUNDS = 100;

  @Autowired protected ProcessEngine processEngine;
  @Autowired protected Outbox outbox;

  @BeforeEach
  void initAssertions() {
    BpmnAwareTests.init(processEngine);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  // --- the clock -------------------------------------------------------------------------------

  /** Sets the engine clock; timers and business-time arithmetic count from it. */
  protected static void clockAt(Instant instant) {
    ClockUtil.setCurrentTime(Date.from(instant));
  }

  protected static Date at(String isoInstant) {
    return Date.from(Instant.parse(isoInstant));
  }

  // --- jobs and timers -------------------------------------------------------------------------

  /** Runs every due async continuation of the instances with this business key until none is left. */
  protected void runAsyncSteps(String businessKey) {
    runAsyncSteps(Scope.of(businessKey));
  }

  protected void runAsyncSteps(ProcessInstance instance) {
    runAsyncSteps(Scope.of(instance));
  }

  /** The timer waiting at {@code activityId} in an instance with this business key. */
  protected Job timer(String businessKey, String activityId) {
    return timer(Scope.of(businessKey), activityId);
  }

  protected Job timer(ProcessInstance instance, String activityId) {
    return timer(Scope.of(instance), activityId);
  }

  protected boolean hasTimer(String businessKey, String activityId) {
    return !timers(Scope.of(businessKey), activityId).isEmpty();
  }

  protected boolean hasTimer(ProcessInstance instance, String activityId) {
    return !timers(Scope.of(instance), activityId).isEmpty();
  }

  /** Moves the engine clock to the timer's due date, fires it and runs the steps that follow. */
  protected void fire(String businessKey, String activityId) {
    fire(Scope.of(businessKey), activityId);
  }

  protected void fire(ProcessInstance instance, String activityId) {
    fire(Scope.of(instance), activityId);
  }

  private void runAsyncSteps(Scope scope) {
    for (int round = 0; round < MAX_ROUNDS; round++) {
      List<Job> due = scope.instances().stream()
          .flatMap(instance -> managementService().createJobQuery().processInstanceId(instance.getId())
              .messages().executable().list().stream())
          .toList();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> execute(job.getId()));
    }
    throw new IllegalStateException(scope + " keeps producing jobs: a loop without a wait state?");
  }

  /**
   * Runs one job as the job executor would. A refusal is no test failure: the job now waits with an
   * incident and a person has the resolveRefusal task (docs/refusals.md); any other failure is.
   */
  private static void execute(String jobId) {
    try {
      managementService().executeJob(jobId);
    } catch (RuntimeException failure) {
      if (Refusal.of(failure).isEmpty()) {
        throw failure;
      }
    }
  }

  private Job timer(Scope scope, String activityId) {
    return timers(scope, activityId).stream().findFirst()
        .orElseThrow(() -> new AssertionError(scope + " has no timer at " + activityId));
  }

  private void fire(Scope scope, String activityId) {
    Job job = timer(scope, activityId);
    ClockUtil.setCurrentTime(job.getDuedate());
    managementService().executeJob(job.getId());
    runAsyncSteps(scope);
  }

  private static List<Job> timers(Scope scope, String activityId) {
    return scope.instances().stream()
        .flatMap(instance -> managementService().createJobQuery().processInstanceId(instance.getId())
            .activityId(activityId).timers().list().stream())
        .toList();
  }

  /**
   * The instances a harness call acts on: those with a business key, or one instance (and, once it has
   * a business key, the instances sharing it, such as the processes it calls).
   */
  private record Scope(String label, Supplier<List<ProcessInstance>> query) {

    static Scope of(String businessKey) {
      return new Scope(businessKey, () -> runtimeService().createProcessInstanceQuery()
          .processInstanceBusinessKey(businessKey).list());
    }

    static Scope of(ProcessInstance instance) {
      return new Scope("instance " + instance.getId(), () -> {
        String key = businessKey(instance);
        return key != null ? of(key).instances()
            : runtimeService().createProcessInstanceQuery().processInstanceId(instance.getId()).list();
      });
    }

    List<ProcessInstance> instances() {
      return query.get();
    }

    @Override
    public String toString() {
      return label;
    }
  }

  // --- user tasks ------------------------------------------------------------------------------

  /** The open task with this definition key in an instance with this business key, or null. */
  protected Task task(String businessKey, String taskKey) {
    return taskService().createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(taskKey)
        .initializeFormKeys().singleResult();
  }

  protected Task task(ProcessInstance instance, String taskKey) {
    String key = businessKey(instance);
    return key != null ? task(key, taskKey)
        : taskService().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey)
            .initializeFormKeys().singleResult();
  }

  /** The instance's one open task (camunda-bpm-assert's {@code task(instance)}, which these names hide). */
  protected static Task task(ProcessInstance instance) {
    return BpmnAwareTests.task(instance);
  }

  /** Completes a task with these variables (camunda-bpm-assert's {@code complete}), running nothing after it. */
  protected static void complete(Task task, Map<String, Object> variables) {
    BpmnAwareTests.complete(task, variables);
  }

  protected static void complete(Task task) {
    BpmnAwareTests.complete(task);
  }

  /** Completes the open task with this definition key and runs the steps that follow. */
  protected void complete(String businessKey, String taskKey, Map<String, Object> variables) {
    Task task = task(businessKey, taskKey);
    if (task == null) {
      throw new AssertionError(businessKey + " has no open task " + taskKey);
    }
    complete(businessKey, task, variables);
  }

  /** Completes this task and runs the steps that follow in the instances with this business key. */
  protected void complete(String businessKey, Task task, Map<String, Object> variables) {
    if (task == null) {
      throw new AssertionError(businessKey + " has no open task to complete");
    }
    taskService().complete(task.getId(), variables);
    runAsyncSteps(businessKey);
  }

  protected void complete(ProcessInstance instance, Task task, Map<String, Object> variables) {
    if (task == null) {
      throw new AssertionError("instance " + instance.getId() + " has no open task to complete");
    }
    taskService().complete(task.getId(), variables);
    runAsyncSteps(instance);
  }

  /** The task's candidate groups (camunda-bpm-assert checks them only on unassigned tasks). */
  protected static List<String> candidateGroupsOf(Task task) {
    return taskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> "candidate".equals(link.getType()) && link.getGroupId() != null)
        .map(link -> link.getGroupId()).toList();
  }

  // --- people ----------------------------------------------------------------------------------

  /** A Camunda user with an email address (created when missing), in these groups. */
  protected void ensureUser(String userId, String firstName, String lastName, String... groups) {
    IdentityService identity = processEngine.getIdentityService();
    if (identity.createUserQuery().userId(userId).count() == 0) {
      var user = identity.newUser(userId);
      user.setFirstName(firstName);
      user.setLastName(lastName);
      user.setEmail(userId + "@example.com");
      identity.saveUser(user);
    }
    for (String group : groups) {
      if (identity.createUserQuery().userId(userId).memberOfGroup(group).count() == 0) {
        identity.createMembership(userId, group);
      }
    }
  }

  // --- instances, variables, the sandbox outbox --------------------------------------------------

  /** The instance's business key, read again: a process may set it after its start (smbCase does). */
  protected static String businessKey(ProcessInstance instance) {
    ProcessInstance current = runtimeService().createProcessInstanceQuery().processInstanceId(instance.getId())
        .singleResult();
    return current != null ? current.getBusinessKey() : instance.getBusinessKey();
  }

  protected static Object variable(ProcessInstance instance, String name) {
    return runtimeService().getVariable(instance.getId(), name);
  }

  /** A variable's last value in the (possibly ended) process instance. */
  protected static Object historicVariable(ProcessInstance instance, String name) {
    HistoricVariableInstance variable = historyService().createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).variableName(name).singleResult();
    return variable == null ? null : variable.getValue();
  }

  /** The side effects the sandbox recorded for one ticket (or case), oldest first. */
  protected List<OutboxEntry> outboxFor(String ticketId) {
    return outbox.entries().stream().filter(e -> ticketId.equals(e.ticketId())).toList();
  }

  /** The side effects of one action ({@code CHATTER_POST}, {@code TICKET_UPDATE}, ...) for a ticket or case. */
  protected List<OutboxEntry> outbox(String businessKey, String action) {
    return outboxFor(businessKey).stream().filter(entry -> entry.action().equals(action)).toList();
  }

  protected List<OutboxEntry> outbox(ProcessInstance instance, String action) {
    return outbox(businessKey(instance), action);
  }

  /** The tasks a Tasklist filter shows the user, as Tasklist asks for them: authenticated with their groups. */
  protected List<Task> tasklistFilterAs(String userId, String filterName) {
    IdentityService identity = processEngine.getIdentityService();
    List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(group -> group.getId())
        .toList();
    identity.setAuthentication(userId, groups);
    try {
      String filterId = processEngine.getFilterService().createFilterQuery().filterName(filterName).singleResult()
          .getId();
      return processEngine.getFilterService().list(filterId);
    } finally {
      identity.clearAuthentication();
    }
  }
}
