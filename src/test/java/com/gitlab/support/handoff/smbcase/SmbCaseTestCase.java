package com.gitlab.support.handoff.smbcase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import com.gitlab.support.handoff.ProcessTestCase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * {@code smbCase} tests on the shared {@link ProcessTestCase} harness: the clock starts on Friday
 * 2026-11-27 15:00 UTC, cases are deleted after each test, advocates are created as needed.
 */
abstract class SmbCaseTestCase extends ProcessTestCase {

  static final String FRIDAY = "2026-11-27";
  static final String MONDAY = "2026-11-30";

  static final String AMER = "smb-advocates-amer";
  static final String EMEA_APJ = "smb-advocates-emea-apj";

  @BeforeEach
  void givenTheClockOnFridayAfternoon() {
    clockAt(FRIDAY_15_00);
  }

  /** Cases of earlier tests would count towards an advocate's capacity (R21): every test starts with none. */
  @AfterEach
  void deleteCases() {
    for (String key : List.of(SmbCase.PROCESS_KEY, "smbCaseSalesforceSync")) {
      runtimeService().createProcessInstanceQuery().processDefinitionKey(key).list().forEach(pi ->
          runtimeService().deleteProcessInstanceIfExists(pi.getId(), "test over", true, true, true, false));
    }
  }

  /** The case's routing (routeSmbCase: R20, R21, R34) while it runs; it carries the case's business key. */
  ProcessInstance routing(ProcessInstance smbCase) {
    return calledBy(smbCase, SmbCase.ROUTING_PROCESS_KEY);
  }

  /** The case's closing (closeSmbCase: R28, R32, R37, R38) while it runs. */
  ProcessInstance closing(ProcessInstance smbCase) {
    return calledBy(smbCase, SmbCase.CLOSING_PROCESS_KEY);
  }

  /** The case's contact attempts (attemptSmbCaseContact: R24, R27) while they run. */
  ProcessInstance contactAttempts(ProcessInstance smbCase) {
    return calledBy(smbCase, SmbCase.ATTEMPT_CONTACT_PROCESS_KEY);
  }

  /** The case attempts contact: it waits at the call activity, the advocate's task in the called process. */
  void assertAttemptingContact(ProcessInstance smbCase) {
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(smbCase).isWaitingAt("attemptingContact");
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(contactAttempts(smbCase))
        .isWaitingAt(SmbCase.ATTEMPTING_CONTACT_TASK);
    assertThat(contactAttempts(smbCase).getBusinessKey()).isEqualTo(businessKey(smbCase));
  }

  /** The instances of a process the case called (a question, an email: one per message) while they run. */
  static List<ProcessInstance> allCalledBy(ProcessInstance smbCase, String processKey) {
    return runtimeService().createProcessInstanceQuery().superProcessInstanceId(smbCase.getId())
        .processDefinitionKey(processKey).list();
  }

  static ProcessInstance calledBy(ProcessInstance smbCase, String processKey) {
    ProcessInstance called = runtimeService().createProcessInstanceQuery().superProcessInstanceId(smbCase.getId())
        .processDefinitionKey(processKey).singleResult();
    if (called == null) {
      throw new AssertionError("case " + businessKey(smbCase) + " runs no " + processKey);
    }
    return called;
  }

  /**
   * A task in a called process sees only what its call activity passed in: every {@code {{variable}}} its
   * Camunda Form shows must be a variable of the task's scope, or the form shows blanks.
   */
  void assertFormFindsItsVariables(Task task) {
    String form;
    try {
      form = Files.readString(Path.of("processes", task.getCamundaFormRef().getKey() + ".form"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Set<String> shown = new TreeSet<>();
    Matcher placeholder = Pattern.compile("\\{\\{([A-Za-z]+)}}").matcher(form);
    while (placeholder.find()) {
      shown.add(placeholder.group(1));
    }
    assertThat(shown).as("placeholders of form %s", task.getCamundaFormRef().getKey()).isNotEmpty();
    assertThat(taskService().getVariables(task.getId())).as("variables of task %s", task.getTaskDefinitionKey())
        .containsKeys(shown.toArray(String[]::new));
  }

  /** The advocate the case was routed to. */
  String advocateOf(ProcessInstance instance) {
    return (String) variable(instance, "advocate");
  }

  /** A Camunda user in an advocate group (created when missing). */
  void ensureAdvocate(String userId, String group) {
    ensureUser(userId, userId.substring(0, 1).toUpperCase() + userId.substring(1), "Advocate", group);
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

  /** The advocate's open case task, whichever phase the case is in. */
  Task caseTask(ProcessInstance instance) {
    return taskService().createTaskQuery().processInstanceBusinessKey(businessKey(instance))
        .taskDefinitionKeyIn(SmbCase.WORK_TASKS.toArray(String[]::new)).singleResult();
  }

  /** The advocate saves the case form; the steps that follow run. */
  void save(ProcessInstance instance, CaseUpdate update) {
    complete(instance, caseTask(instance), update.build());
  }

  /** Picks the case up (R23) as Attempting Contact, Next Steps dated today. */
  void pickUp(ProcessInstance instance, String today) {
    save(instance, CaseUpdate.status(CaseUpdate.ATTEMPTING_CONTACT, today));
  }

  /** Gives the advocate this many cases In Progress (R21 capacity), started at their work task. */
  void give(String advocate, int count) {
    for (int i = 0; i < count; i++) {
      runtimeService().createProcessInstanceByKey(SmbCase.PROCESS_KEY)
          .businessKey("LOAD-" + advocate + "-" + i)
          .startBeforeActivity(SmbCase.WORK_TASK)
          .setVariables(Variables.createVariables().putValue("caseKey", "LOAD-" + i).putValue("advocate", advocate)
              .putValue("caseStatus", CaseUpdate.ENGAGED).putValue("nextSteps", FRIDAY + " EL Call booked")
              .putValue("caseGroup", EMEA_APJ).putValue("caseSubject", "Load").putValue("highValueAccount", false))
          .execute();
    }
  }
}
