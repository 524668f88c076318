package com.gitlab.support.handoff.smbcase;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The advocates' Tasklist filters, run as the advocate who opens Tasklist. */
class SmbCaseFiltersTest extends SmbCaseTestCase {

  @AfterEach
  void signOut() {
    processEngine.getIdentityService().clearAuthentication();
  }

  @ParameterizedTest(name = "R22 R26 the Tasklist filter \"{0}\" exists and every advocate group may read it")
  @ValueSource(strings = {SmbCaseFilters.MY_OPEN_CASES, SmbCaseFilters.PICK_UP_AT_RISK, SmbCaseFilters.OVER_SEVEN_DAYS})
  void filterExistsForTheAdvocates(String name) {
    Filter filter = filter(name);
    for (String group : List.of(AMER, EMEA_APJ, "smb-ops")) {
      assertThat(processEngine.getAuthorizationService().createAuthorizationQuery().groupIdIn(group)
          .resourceType(Resources.FILTER).resourceId(filter.getId()).hasPermission(Permissions.READ).count())
          .as(group).isOne();
    }
  }

  @Test
  @DisplayName("R23 'My open cases' lists the advocate's own case tasks")
  void myOpenCases() {
    ProcessInstance instance = open(SmbCaseVariables.emailCase());

    assertThat(tasklistFilterAs(advocateOf(instance), SmbCaseFilters.MY_OPEN_CASES)).extracting(Task::getProcessInstanceId)
        .contains(instance.getId());
    assertThat(tasklistFilterAs("eli", SmbCaseFilters.MY_OPEN_CASES)).extracting(Task::getProcessInstanceId)
        .doesNotContain(instance.getId());
  }

  @Test
  @DisplayName("R22 'Pick-up SLA at risk' lists a case whose 24 business hours end within 8 hours")
  void pickUpSlaAtRisk() {
    ProcessInstance instance = open(SmbCaseVariables.emailCase());
    assertThat(tasklistFilterAs("ava", SmbCaseFilters.PICK_UP_AT_RISK)).extracting(Task::getProcessInstanceId)
        .doesNotContain(instance.getId());

    ClockUtil.setCurrentTime(Date.from(MONDAY_10_00));

    assertThat(tasklistFilterAs("ava", SmbCaseFilters.PICK_UP_AT_RISK)).extracting(Task::getProcessInstanceId)
        .contains(instance.getId());
  }

  @Test
  @DisplayName("R26 'Over 7 days' lists a case past its 7-day target")
  void overSevenDays() {
    ProcessInstance instance = open(SmbCaseVariables.emailCase());
    save(instance, CaseUpdate.status(CaseUpdate.ENGAGED, FRIDAY));
    assertThat(tasklistFilterAs("ava", SmbCaseFilters.OVER_SEVEN_DAYS)).extracting(Task::getProcessInstanceId)
        .doesNotContain(instance.getId());

    fire(instance, "sevenDaysPassed");

    assertThat(tasklistFilterAs("ava", SmbCaseFilters.OVER_SEVEN_DAYS)).extracting(Task::getProcessInstanceId)
        .contains(instance.getId());
  }

  @Test
  @DisplayName("R24 'My open cases' lists the task of a case attempting contact, which waits in the called attemptSmbCaseContact")
  void r24_attemptingContactIsInMyOpenCases() {
    ProcessInstance instance = open(SmbCaseVariables.emailCase());
    pickUp(instance, FRIDAY);
    ProcessInstance attempts = contactAttempts(instance);

    assertThat(tasklistFilterAs(advocateOf(instance), SmbCaseFilters.MY_OPEN_CASES))
        .filteredOn(task -> task.getProcessInstanceId().equals(attempts.getId()))
        .extracting(Task::getTaskDefinitionKey).containsExactly(SmbCase.ATTEMPTING_CONTACT_TASK);
  }

  @Test
  @DisplayName("R24 R26 'Over 7 days' lists a case still attempting contact past its 7-day target, reminded in its task")
  void r26_overSevenDaysWhileAttemptingContact() {
    ProcessInstance instance = open(SmbCaseVariables.emailCase());
    pickUp(instance, FRIDAY);
    ProcessInstance attempts = contactAttempts(instance);
    assertThat(tasklistFilterAs("ava", SmbCaseFilters.OVER_SEVEN_DAYS)).extracting(Task::getProcessInstanceId)
        .doesNotContain(attempts.getId());

    fire(instance, "sevenDaysPassed");

    assertThat(tasklistFilterAs("ava", SmbCaseFilters.OVER_SEVEN_DAYS)).extracting(Task::getProcessInstanceId)
        .contains(attempts.getId());
    Task task = caseTask(instance);
    assertThat(task.getProcessInstanceId()).isEqualTo(attempts.getId());
    assertThat(task.getDescription()).startsWith("7 days open");
    assertThat(task.getFollowUpDate()).isEqualTo(ClockUtil.getCurrentTime());
    assertThat(variable(attempts, "caseReminder")).isEqualTo(variable(instance, "caseReminder"));
  }

  @Test
  @DisplayName("R23 a filter saved before the case's tasks moved gets the current query at start-up")
  void r23_anOlderFilterGetsTheCurrentQuery() {
    FilterService filters = processEngine.getFilterService();
    Filter mine = filter(SmbCaseFilters.MY_OPEN_CASES);
    filters.saveFilter(mine.setQuery(processEngine.getTaskService().createTaskQuery()
        .processDefinitionKey(SmbCase.PROCESS_KEY).taskAssigneeExpression("${currentUser()}")));
    ProcessInstance instance = open(SmbCaseVariables.emailCase());
    pickUp(instance, FRIDAY);
    String attempts = contactAttempts(instance).getId();
    assertThat(tasklistFilterAs(advocateOf(instance), SmbCaseFilters.MY_OPEN_CASES)).extracting(Task::getProcessInstanceId)
        .doesNotContain(attempts);

    new SmbCaseFilters().postProcessEngineBuild(processEngine);

    assertThat(tasklistFilterAs(advocateOf(instance), SmbCaseFilters.MY_OPEN_CASES)).extracting(Task::getProcessInstanceId)
        .contains(attempts);
    assertThat(filter(SmbCaseFilters.MY_OPEN_CASES).getId()).isEqualTo(mine.getId());
  }


  private Filter filter(String name) {
    FilterService filters = processEngine.getFilterService();
    return filters.createFilterQuery().filterName(name).singleResult();
  }
}
