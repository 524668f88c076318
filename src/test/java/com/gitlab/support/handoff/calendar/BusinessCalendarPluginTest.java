package com.gitlab.support.handoff.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The plugin puts the engine's duration timers and task due dates on business time (UTC, week of Friday 2026-03-06). */
class BusinessCalendarPluginTest {

  private static final Instant FRIDAY_15_00 = Instant.parse("2026-03-06T15:00:00Z");
  private static final Instant MONDAY_15_00 = Instant.parse("2026-03-09T15:00:00Z");
  private static final Instant TUESDAY_15_00 = Instant.parse("2026-03-10T15:00:00Z");
  private static final Instant WEDNESDAY_15_00 = Instant.parse("2026-03-11T15:00:00Z");
  private static final LocalDate MONDAY = LocalDate.of(2026, 3, 9);

  /** A sales answer is due in two business days; without one in 24 business hours the case escalates. */
  private static final BpmnModelInstance SALES_ANSWER = Bpmn.createExecutableProcess("salesAnswer")
      .camundaHistoryTimeToLive(1)
      .startEvent()
      .userTask("salesAnswers").camundaDueDate("P2D").camundaFollowUpDate("2026-03-10T09:00:00Z")
      .endEvent()
      .moveToActivity("salesAnswers")
      .boundaryEvent("noAnswerIn24BusinessHours").timerWithDuration("PT24H")
      .endEvent("escalated")
      .done();

  private static final BpmnModelInstance WAIT_BY_EXPRESSION = Bpmn.createExecutableProcess("waitByExpression")
      .camundaHistoryTimeToLive(1)
      .startEvent()
      .intermediateCatchEvent("waitOneBusinessDay").timerWithDate("${businessTime.plusHours(24)}")
      .endEvent()
      .done();

  private static final BpmnModelInstance HOURLY_REMINDER = Bpmn.createExecutableProcess("hourlyReminder")
      .camundaHistoryTimeToLive(1)
      .startEvent()
      .userTask("salesAnswers")
      .endEvent()
      .moveToActivity("salesAnswers")
      .boundaryEvent("remind").cancelActivity(false).timerWithCycle("R2/PT1H")
      .endEvent()
      .done();

  private static final BpmnModelInstance MONTHLY_TIMER = Bpmn.createExecutableProcess("monthlyTimer")
      .camundaHistoryTimeToLive(1)
      .startEvent()
      .intermediateCatchEvent("waitOneMonth").timerWithDuration("P1M")
      .endEvent()
      .done();

  private static ProcessEngine engine;
  private static ProcessEngine mondayHolidayEngine;

  @BeforeAll
  static void buildEngines() {
    engine = buildEngine(List.of());
    mondayHolidayEngine = buildEngine(List.of(MONDAY));
  }

  @AfterAll
  static void closeEngines() {
    engine.close();
    mondayHolidayEngine.close();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  @DisplayName("Engine: a PT24H boundary timer started Friday 15:00 is due Monday 15:00")
  void boundaryTimerRunsOnBusinessTime() {
    ClockUtil.setCurrentTime(Date.from(FRIDAY_15_00));
    String id = start(engine, "salesAnswer");
    assertThat(timer(engine, id).getDuedate()).isEqualTo(Date.from(MONDAY_15_00));
  }

  @Test
  @DisplayName("Engine: a user task with camunda:dueDate=\"P2D\" created Friday 15:00 is due Tuesday 15:00")
  void taskDueDateRunsOnBusinessTime() {
    ClockUtil.setCurrentTime(Date.from(FRIDAY_15_00));
    String id = start(engine, "salesAnswer");
    assertThat(task(engine, id).getDueDate()).isEqualTo(Date.from(TUESDAY_15_00));
  }

  @Test
  @DisplayName("Engine: a follow-up date given as an ISO date-time stays that instant")
  void isoDateTimeStaysUnchanged() {
    ClockUtil.setCurrentTime(Date.from(FRIDAY_15_00));
    String id = start(engine, "salesAnswer");
    assertThat(task(engine, id).getFollowUpDate()).isEqualTo(Date.from(Instant.parse("2026-03-10T09:00:00Z")));
  }

  @Test
  @DisplayName("Engine: with a Monday holiday the timer is due Tuesday 15:00 and the task Wednesday 15:00")
  void holidaysComeFromConfiguration() {
    ClockUtil.setCurrentTime(Date.from(FRIDAY_15_00));
    String id = start(mondayHolidayEngine, "salesAnswer");
    assertThat(timer(mondayHolidayEngine, id).getDuedate()).isEqualTo(Date.from(TUESDAY_15_00));
    assertThat(task(mondayHolidayEngine, id).getDueDate()).isEqualTo(Date.from(WEDNESDAY_15_00));
  }

  @Test
  @DisplayName("Engine: the timer fires only after the clock passes Monday 15:00")
  void timerFiresAfterBusinessDuration() {
    ClockUtil.setCurrentTime(Date.from(FRIDAY_15_00));
    String id = start(engine, "salesAnswer");
    ClockUtil.setCurrentTime(Date.from(MONDAY_15_00.minusSeconds(60)));
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(id).executable().count()).isZero();
    ClockUtil.setCurrentTime(Date.from(MONDAY_15_00));
    Job due = engine.getManagementService().createJobQuery().processInstanceId(id).executable().singleResult();
    engine.getManagementService().executeJob(due.getId());
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).count()).isZero();
  }

  @Test
  @DisplayName("Engine: recalculating a timer from its creation date keeps Monday 15:00, from now moves it")
  void recalculationUsesBusinessTime() {
    ClockUtil.setCurrentTime(Date.from(FRIDAY_15_00));
    String id = start(engine, "salesAnswer");
    String jobId = timer(engine, id).getId();
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-03-09T10:00:00Z")));

    engine.getManagementService().recalculateJobDuedate(jobId, true);
    assertThat(timer(engine, id).getDuedate()).isEqualTo(Date.from(MONDAY_15_00));

    engine.getManagementService().recalculateJobDuedate(jobId, false);
    assertThat(timer(engine, id).getDuedate()).isEqualTo(Date.from(Instant.parse("2026-03-10T10:00:00Z")));
  }

  @Test
  @DisplayName("Engine: timeDate=\"${businessTime.plusHours(24)}\" resolves the bean from a BPMN expression")
  void businessTimeBeanInExpression() {
    ClockUtil.setCurrentTime(Date.from(FRIDAY_15_00));
    String id = start(engine, "waitByExpression");
    assertThat(timer(engine, id).getDuedate()).isEqualTo(Date.from(MONDAY_15_00));
  }

  @Test
  @DisplayName("Engine: a timeCycle stays on Camunda's wall-clock cycle calendar")
  void cycleStaysWallClock() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-03-06T23:30:00Z")));
    String id = start(engine, "hourlyReminder");
    assertThat(timer(engine, id).getDuedate()).isEqualTo(Date.from(Instant.parse("2026-03-07T00:30:00Z")));
    assertThat(configuration(engine).getBusinessCalendarManager().getBusinessCalendar(CycleBusinessCalendar.NAME))
        .isExactlyInstanceOf(CycleBusinessCalendar.class);
  }

  @Test
  @DisplayName("Engine: a month-long timeDuration is rejected with a message naming the supported forms")
  void monthDurationRejected() {
    assertThatThrownBy(() -> start(engine, "monthlyTimer"))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("P1M")
        .hasMessageContaining("P2D, PT24H");
  }

  private static ProcessEngine buildEngine(List<LocalDate> holidays) {
    BusinessTime businessTime = new BusinessTime(new CalendarProperties(ZoneOffset.UTC, holidays));
    String name = "calendar-" + UUID.randomUUID();
    StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setProcessEngineName(name);
    configuration.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=1000");
    configuration.setDatabaseSchemaUpdate("create-drop");
    configuration.setJobExecutorActivate(false);
    configuration.setEnforceHistoryTimeToLive(true);
    configuration.setBeans(new HashMap<>(Map.of("businessTime", businessTime)));
    configuration.setProcessEnginePlugins(
        new ArrayList<ProcessEnginePlugin>(List.of(new BusinessCalendarPlugin(businessTime))));
    ProcessEngine built = configuration.buildProcessEngine();
    built.getRepositoryService().createDeployment()
        .addModelInstance("salesAnswer.bpmn", SALES_ANSWER)
        .addModelInstance("waitByExpression.bpmn", WAIT_BY_EXPRESSION)
        .addModelInstance("hourlyReminder.bpmn", HOURLY_REMINDER)
        .addModelInstance("monthlyTimer.bpmn", MONTHLY_TIMER)
        .deploy();
    return built;
  }

  private static String start(ProcessEngine processEngine, String key) {
    return processEngine.getRuntimeService().startProcessInstanceByKey(key).getId();
  }

  private static Job timer(ProcessEngine processEngine, String processInstanceId) {
    return processEngine.getManagementService().createJobQuery().processInstanceId(processInstanceId).timers()
        .singleResult();
  }

  private static Task task(ProcessEngine processEngine, String processInstanceId) {
    return processEngine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).singleResult();
  }

  private static ProcessEngineConfigurationImpl configuration(ProcessEngine processEngine) {
    return (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
  }
}
