package com.gitlab.support.handoff.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import com.gitlab.support.handoff.ProcessTestCase;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * SPEC R8 (business time without Family and Friends Days and global holidays): the days of the
 * deployed decision {@code holidays} count from the next calculation on, as a deployment from
 * Camunda Modeler makes them, and the configured list still counts beside them.
 */
@TestPropertySource(properties = "handoff.calendar.holidays=2026-12-01")
class DeployedHolidaysTest extends ProcessTestCase {

  @Autowired BusinessTime businessTime;
  @Autowired BusinessCalendars businessCalendars;

  private final List<String> deployments = new ArrayList<>();

  @AfterEach
  void undeploy() {
    deployments.forEach(id -> repositoryService().deleteDeployment(id, true));
  }

  @Test
  @DisplayName("R8 a holiday deployed in decision 'holidays' counts for the next timer, without a restart")
  void r8_deployedHolidayCountsAtOnce() {
    assertThat(businessTime.plus(FRIDAY_15_00, Duration.ofHours(24))).isEqualTo(MONDAY_15_00);

    deployHolidays(row("2026-11-30", "Family and Friends Day"));

    assertThat(businessTime.plus(FRIDAY_15_00, Duration.ofHours(24)))
        .as("Monday is a deployed holiday, Tuesday a configured one")
        .isEqualTo(Instant.parse("2026-12-02T15:00:00Z"));
    assertThat(businessTime.isBusinessDay(java.time.LocalDate.parse("2026-11-30"))).isFalse();
  }

  @Test
  @DisplayName("R8 a timer set after the deployment skips the deployed holiday; a newer version without it counts again")
  void r8_timersFollowTheLatestVersion() {
    deployHolidays(row("2026-11-30", "Family and Friends Day"));
    clockAt(FRIDAY_15_00);
    assertThat(dueDateOfA24HourTimer()).isEqualTo(Instant.parse("2026-12-02T15:00:00Z"));

    deployHolidays();
    assertThat(dueDateOfA24HourTimer()).as("only the configured Tuesday is left")
        .isEqualTo(MONDAY_15_00);
  }

  @Test
  @DisplayName("R9 a deployed row with a Region counts for that region's calendar only; rows without one for all")
  void r9_regionalRowCountsInItsRegionOnly() {
    deployHolidays(row("2026-11-30", "Family and Friends Day"), row("2026-12-02", "Bank holiday", "emea"));

    assertThat(businessCalendars.named("EMEA").isBusinessDay(LocalDate.parse("2026-12-02"))).isFalse();
    assertThat(businessCalendars.named("EMEA").isBusinessDay(LocalDate.parse("2026-11-30"))).isFalse();
    assertThat(businessCalendars.named("AMER").isBusinessDay(LocalDate.parse("2026-12-02"))).isTrue();
    assertThat(businessCalendars.named("AMER").isBusinessDay(LocalDate.parse("2026-11-30"))).isFalse();
    assertThat(businessTime.isBusinessDay(LocalDate.parse("2026-12-02"))).as("the default calendar").isTrue();
    assertThat(businessCalendars.named("EMEA").plus(FRIDAY_15_00, Duration.ofHours(24)))
        .as("Monday deployed for all, Tuesday configured, Wednesday EMEA's: Thursday 15:00 London")
        .isEqualTo(THURSDAY_15_00);
  }

  @Test
  @DisplayName("R8 a deployed row whose date is not yyyy-MM-dd fails the step with the row named")
  void r8_malformedRowIsNamed() {
    deployHolidays(row("2026-11-30", "Family and Friends Day"), row("30/11/2026", "Thanksgiving"));

    assertThatThrownBy(() -> businessTime.plus(FRIDAY_15_00, Duration.ofHours(24)))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("row 2 (Thanksgiving)")
        .hasMessageContaining("'30/11/2026' is not yyyy-MM-dd");
  }

  private Instant dueDateOfA24HourTimer() {
    String key = "holidayTimer" + deployments.size();
    deployments.add(repositoryService().createDeployment()
        .addModelInstance(key + ".bpmn", Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1)
            .startEvent().intermediateCatchEvent("wait").timerWithDuration("PT24H").endEvent().done())
        .deploy().getId());
    String instanceId = runtimeService().startProcessInstanceByKey(key).getId();
    return managementService().createJobQuery().processInstanceId(instanceId).timers().singleResult()
        .getDuedate().toInstant();
  }

  private void deployHolidays(String... rows) {
    String dmn = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn"
            id="holidaysDefinitions" name="Holidays" namespace="http://camunda.org/schema/1.0/dmn">
          <decision id="holidays" name="Days that are not business days" camunda:historyTimeToLive="P400D">
            <decisionTable id="holidaysTable" hitPolicy="COLLECT">
              <output id="dateOutput" name="date" typeRef="string" />
              <output id="nameOutput" name="name" typeRef="string" />
              <output id="regionOutput" name="region" typeRef="string" />
              %s
            </decisionTable>
          </decision>
        </definitions>""".formatted(Stream.of(rows).collect(Collectors.joining("\n")));
    deployments.add(repositoryService().createDeployment().name("holidays from Modeler")
        .addString("holidays.dmn", dmn).deploy().getId());
  }

  private int rowNumber;

  private String row(String date, String name) {
    return row(date, name, null);
  }

  /** A row; {@code region} null leaves the Region column empty (every region). */
  private String row(String date, String name, String region) {
    rowNumber++;
    return """
        <rule id="holiday%1$d">
          <outputEntry id="holiday%1$dDate"><text>"%2$s"</text></outputEntry>
          <outputEntry id="holiday%1$dName"><text>"%3$s"</text></outputEntry>
          <outputEntry id="holiday%1$dRegion"><text>%4$s</text></outputEntry>
        </rule>""".formatted(rowNumber, date, name, region == null ? "" : "\"" + region + "\"");
  }
}
