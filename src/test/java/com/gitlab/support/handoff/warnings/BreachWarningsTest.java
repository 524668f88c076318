package com.gitlab.support.handoff.warnings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.gitlab.support.handoff.calendar.BusinessTime;
import com.gitlab.support.handoff.calendar.CalendarProperties;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;
import com.gitlab.support.handoff.calendar.WorkingHours;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The warning's moment and its words, counted by hand on the business calendar (issue #15). */
class BreachWarningsTest {

  private static final Instant FRIDAY_15_00 = Instant.parse("2026-11-27T15:00:00Z");

  private final BusinessTime utc = new BusinessTime(new CalendarProperties(ZoneOffset.UTC, List.of()));

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  @DisplayName("R11 R13 R22 the warning of 24 business hours from Friday 15:00 is due Monday 09:00 (18 hours, the weekend not counted)")
  void warningOf24BusinessHoursSkipsTheWeekend() {
    ClockUtil.setCurrentTime(Date.from(FRIDAY_15_00));
    BreachWarnings warnings = new BreachWarnings(new WarningProperties(null), utc);

    assertThat(warnings.before(null, "PT24H")).isEqualTo(at("2026-11-30T09:00:00Z"));
    assertThat(warnings.timeLeft(null, "PT24H")).isEqualTo("6 business hours");
  }

  @Test
  @DisplayName("R11 asked at the warning, the target is missed when its own 24-business-hour timer fires: Monday 15:00")
  void breachAtTheWarningIsTheTarget() {
    ClockUtil.setCurrentTime(at("2026-11-30T09:00:00Z"));
    BreachWarnings warnings = new BreachWarnings(new WarningProperties(null), utc);

    assertThat(warnings.breachAt(null, "PT24H")).isEqualTo(at("2026-11-30T15:00:00Z"));
  }

  @Test
  @DisplayName("R26 R35 the 7-day target warns after 5 business days and 6 hours, one business day after 18 hours")
  void longerAndShorterTargets() {
    ClockUtil.setCurrentTime(Date.from(FRIDAY_15_00));
    BreachWarnings warnings = new BreachWarnings(new WarningProperties(null), utc);

    // Friday 15:00 + 5 business days 6 hours: Mon..Fri is 5 days -> Friday 4 Dec 15:00, + 6 h -> 21:00.
    assertThat(warnings.before(null, "P7D")).isEqualTo(at("2026-12-04T21:00:00Z"));
    assertThat(warnings.timeLeft(null, "P7D")).isEqualTo("1 business day and 18 hours");
    assertThat(warnings.before(null, "P1D")).isEqualTo(at("2026-11-30T09:00:00Z"));
  }

  @Test
  @DisplayName("R11 a holiday between the start and the warning moves the warning a day later on that calendar")
  void holidayMovesTheWarning() {
    ClockUtil.setCurrentTime(Date.from(FRIDAY_15_00));
    BusinessTime withHoliday = new BusinessTime(new CalendarProperties(ZoneOffset.UTC, List.of(LocalDate.of(2026, 11, 30))));
    List<String> asked = new ArrayList<>();
    BreachWarnings warnings = new BreachWarnings(new WarningProperties(0.5), name -> {
      asked.add(name);
      return withHoliday;
    });

    assertThat(warnings.before("EMEA", "PT24H")).isEqualTo(at("2026-12-01T03:00:00Z"));
    assertThat(warnings.timeLeft("EMEA", "PT24H")).isEqualTo("12 business hours");
    assertThat(asked).as("the calendar of whoever must answer").containsOnly("EMEA");
  }

  @Test
  @DisplayName("Issue 15 the warning is always due before its target, whatever the share")
  void warningIsAlwaysBeforeTheTarget() {
    ClockUtil.setCurrentTime(Date.from(FRIDAY_15_00));
    for (double share : new double[] {0.01, 0.5, 0.75, 0.99, 0.9999}) {
      BreachWarnings warnings = new BreachWarnings(new WarningProperties(share), utc);
      for (String target : List.of("PT1H", "PT24H", "P1D", "P7D")) {
        assertThat(warnings.before(null, target)).as("%s of %s", share, target)
            .isBefore(utc.fromNow(target));
      }
    }
  }

  @Test
  @DisplayName("Issue 15 a target of no time cannot be warned of: the model's mistake is named")
  void zeroTargetIsRefused() {
    BreachWarnings warnings = new BreachWarnings(new WarningProperties(null), utc);

    assertThatThrownBy(() -> warnings.before(null, "PT0S")).hasMessageContaining("PT0S leaves no time to warn");
  }

  @Test
  @DisplayName("Issue 15 time left in words: days, hours and minutes")
  void words() {
    assertThat(BreachWarnings.words(0, Duration.ofHours(1))).isEqualTo("1 business hour");
    assertThat(BreachWarnings.words(0, Duration.ofMinutes(90))).isEqualTo("1 business hour and 30 minutes");
    assertThat(BreachWarnings.words(0, Duration.ofMinutes(45))).isEqualTo("45 business minutes");
    assertThat(BreachWarnings.words(2, Duration.ZERO)).isEqualTo("2 business days");
    assertThat(BreachWarnings.words(1, Duration.ofMinutes(6 * 60 + 15)))
        .isEqualTo("1 business day, 6 hours and 15 minutes");
  }

  @Test
  @DisplayName("R26 R11 with working hours 09:00-17:00 in Sydney the 7-day target warns after 5 days and 2 hours, the 24 hours after 18 working hours")
  void workingHoursCountAsForTheTarget() {
    BusinessTime sydney = new BusinessTime("APJ", ZoneId.of("Australia/Sydney"),
        new WorkingHours(LocalTime.of(9, 0), LocalTime.of(17, 0)), Set.of(), Set::of);
    BreachWarnings warnings = new BreachWarnings(new WarningProperties(null), sydney);
    // Friday 27 Nov 10:00 in Sydney (AEDT, UTC+11).
    ClockUtil.setCurrentTime(at("2026-11-26T23:00:00Z"));

    // 5 business days: Friday 4 Dec 10:00; a quarter of an 8-hour day more: 12:00 local.
    assertThat(warnings.before("APJ", "P7D")).isEqualTo(at("2026-12-04T01:00:00Z"));
    assertThat(warnings.timeLeft("APJ", "P7D")).isEqualTo("1 business day and 6 hours");
    assertThat(sydney.plus(Instant.parse("2026-12-04T01:00:00Z"), new com.gitlab.support.handoff.calendar.BusinessDuration(1, Duration.ofHours(6))))
        .as("warning + time left = the target, Tuesday 8 Dec 10:00")
        .isEqualTo(sydney.plus(Instant.parse("2026-11-26T23:00:00Z"), com.gitlab.support.handoff.calendar.BusinessDuration.parse("P7D")));
    // 18 working hours from Friday 10:00: Friday 7 h, Monday 8 h, Tuesday 3 h -> Tuesday 12:00 local.
    assertThat(warnings.before("APJ", "PT24H")).isEqualTo(at("2026-12-01T01:00:00Z"));
  }

  @Configuration
  @EnableConfigurationProperties(WarningProperties.class)
  static class Settings {}

  private final ApplicationContextRunner context = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
      .withUserConfiguration(Settings.class);

  @Test
  @DisplayName("Configuration: handoff.warnings.share defaults to 0.75 and binds a share")
  void shareBinds() {
    context.run(ctx -> assertThat(ctx.getBean(WarningProperties.class).share()).isEqualTo(0.75));
    context.withPropertyValues("handoff.warnings.share=0.5")
        .run(ctx -> assertThat(ctx.getBean(WarningProperties.class).share()).isEqualTo(0.5));
  }

  @Test
  @DisplayName("Configuration: a share of 0, 1 or more stops the start, naming handoff.warnings.share")
  void shareOutsideZeroAndOneIsRefused() {
    for (String share : List.of("0", "1", "1.5", "-0.2")) {
      context.withPropertyValues("handoff.warnings.share=" + share).run(ctx -> {
        assertThat(ctx).hasFailed();
        assertThat(ctx.getStartupFailure()).rootCause().hasMessageContaining("handoff.warnings")
            .hasMessageContaining("share").hasMessageContaining("between 0 and 1");
      });
    }
  }

  private static Date at(String instant) {
    return Date.from(Instant.parse(instant));
  }
}
