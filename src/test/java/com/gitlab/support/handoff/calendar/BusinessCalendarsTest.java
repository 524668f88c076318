package com.gitlab.support.handoff.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * Issue 15: one business calendar per region, each with its zone, optional working hours and its own
 * holidays on top of the global ones. The expected instants are computed by hand (offsets written out).
 */
class BusinessCalendarsTest {

  /** Friday 2026-12-04; Sydney is on AEDT (+11:00), New York on EST (-05:00), London on GMT. */
  private static final Instant FRIDAY_15_00_SYDNEY = Instant.parse("2026-12-04T04:00:00Z");

  private static final LocalDate GLOBAL_HOLIDAY = LocalDate.of(2026, 12, 25);
  private static final LocalDate APJ_ONLY_HOLIDAY = LocalDate.of(2026, 12, 7);

  private final BusinessCalendars calendars = calendars(new CalendarProperties(
      ZoneOffset.UTC, List.of(GLOBAL_HOLIDAY), null,
      Map.of("apj", new CalendarProperties.Region(null, null, List.of(APJ_ONLY_HOLIDAY))),
      Map.of("kim", "apac", "lee", "DEFAULT")));

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  @DisplayName("R8 AMER, EMEA, APJ and the SMB team EMEA_APJ (R7) are built in, each with its zone and name")
  void r8_builtInRegions() {
    assertThat(calendars.names()).containsExactly("AMER", "APJ", "EMEA", "EMEA_APJ");
    assertThat(calendars.named("AMER").zone()).isEqualTo(ZoneId.of("America/New_York"));
    assertThat(calendars.named("EMEA").zone()).isEqualTo(ZoneId.of("Europe/London"));
    assertThat(calendars.named("APJ").zone()).isEqualTo(ZoneId.of("Australia/Sydney"));
    assertThat(calendars.named("EMEA_APJ").zone()).isEqualTo(ZoneId.of("Europe/London"));
    assertThat(calendars.named("apj").name()).isEqualTo("APJ");
    assertThat(calendars.named("APAC").name()).as("R4: APAC = APJ").isEqualTo("APJ");
  }

  @Test
  @DisplayName("R8 null, blank and DEFAULT name the default calendar (handoff.calendar.zone)")
  void r8_defaultCalendar() {
    assertThat(calendars.named(null).name()).isEqualTo(BusinessCalendars.DEFAULT);
    assertThat(calendars.named(" ")).isSameAs(calendars.named(null)).isSameAs(calendars.named("default"));
    assertThat(calendars.named(null).zone()).isEqualTo(ZoneOffset.UTC);
  }

  @Test
  @DisplayName("R8 an unknown calendar name is an error naming it and the known ones")
  void r8_unknownCalendarIsNamed() {
    assertThatIllegalArgumentException().isThrownBy(() -> calendars.named("LATAM"))
        .withMessageContaining("'LATAM'").withMessageContaining("AMER, APJ, EMEA, EMEA_APJ");
    assertThat(calendars.knows("LATAM")).isFalse();
    assertThat(calendars.knows("emea")).isTrue();
  }

  @Test
  @DisplayName("R9 Friday 15:00 in Sydney + 24 business hours is Monday 15:00 Sydney (Monday 04:00 UTC), UTC's would be Monday 04:00 + 24 h less")
  void r9_fridayAfternoonInSydney() {
    BusinessTime apjWithoutOwnHoliday = calendars(new CalendarProperties(ZoneOffset.UTC, List.of())).named("APJ");
    assertThat(apjWithoutOwnHoliday.plus(FRIDAY_15_00_SYDNEY, Duration.ofHours(24)))
        .isEqualTo(Instant.parse("2026-12-07T04:00:00Z"));
    assertThat(calendars.named(null).plus(FRIDAY_15_00_SYDNEY, Duration.ofHours(24)))
        .as("in UTC it is still Friday 04:00: Monday 04:00 UTC")
        .isEqualTo(Instant.parse("2026-12-07T04:00:00Z"));
    Instant fridayEvening = Instant.parse("2026-12-04T10:00:00Z"); // Friday 21:00 Sydney, 10:00 UTC
    assertThat(apjWithoutOwnHoliday.plus(fridayEvening, Duration.ofHours(24)))
        .isEqualTo(Instant.parse("2026-12-07T10:00:00Z"));
    assertThat(calendars.named("AMER").plus(Instant.parse("2026-12-04T22:00:00Z"), Duration.ofHours(24)))
        .as("Friday 17:00 in New York is already Saturday in Sydney and UTC, but a business hour in AMER")
        .isEqualTo(Instant.parse("2026-12-07T22:00:00Z"));
  }

  @Test
  @DisplayName("R9 a holiday of APJ only moves APJ's deadline a day; EMEA's stays")
  void r9_holidayInOneRegionOnly() {
    Instant fridayNoonLondon = Instant.parse("2026-12-04T12:00:00Z"); // Friday 23:00 Sydney
    assertThat(calendars.named("EMEA").plus(fridayNoonLondon, Duration.ofHours(24)))
        .isEqualTo(Instant.parse("2026-12-07T12:00:00Z"));
    assertThat(calendars.named("APJ").plus(fridayNoonLondon, Duration.ofHours(24)))
        .as("Monday 7 December is a holiday in APJ: Friday 23:00 + 24 h is Tuesday 23:00 AEDT")
        .isEqualTo(Instant.parse("2026-12-08T12:00:00Z"));
    assertThat(calendars.named("APJ").isBusinessDay(APJ_ONLY_HOLIDAY)).isFalse();
    assertThat(calendars.named("EMEA").isBusinessDay(APJ_ONLY_HOLIDAY)).isTrue();
  }

  @Test
  @DisplayName("R9 a global holiday counts in every region")
  void r9_globalHolidayEverywhere() {
    assertThat(calendars.names()).allMatch(name -> !calendars.named(name).isBusinessDay(GLOBAL_HOLIDAY));
  }

  @Test
  @DisplayName("R11 across Sydney's spring forward: Friday 2 October 15:00 AEST + 24 h is Monday 5 October 15:00 AEDT (71 real hours)")
  void r11_sydneyDaylightSaving() {
    Instant start = Instant.parse("2026-10-02T05:00:00Z"); // 15:00 +10:00
    Instant end = calendars.named("APJ").plus(start, Duration.ofHours(24));
    assertThat(end).isEqualTo(Instant.parse("2026-10-05T04:00:00Z")); // 15:00 +11:00
    assertThat(Duration.between(start, end)).isEqualTo(Duration.ofHours(71));
  }

  @Test
  @DisplayName("R9 with working hours 09:00-17:00 in Sydney, Friday 15:00 + 24 business hours is Wednesday 15:00 (2 + 8 + 8 + 6 h)")
  void r9_workingHoursInSydney() {
    BusinessTime apj = workingHours("APJ", "Australia/Sydney", "09:00", "17:00");
    assertThat(apj.plus(FRIDAY_15_00_SYDNEY, Duration.ofHours(24)))
        .isEqualTo(Instant.parse("2026-12-09T04:00:00Z"));
    assertThat(apj.plus(FRIDAY_15_00_SYDNEY, BusinessDuration.parse("P1D")))
        .as("one business day is the same time on the next business day")
        .isEqualTo(Instant.parse("2026-12-07T04:00:00Z"));
    assertThat(apj.plus(FRIDAY_15_00_SYDNEY, Duration.ofHours(2)))
        .as("the closing time itself is still Friday")
        .isEqualTo(Instant.parse("2026-12-04T06:00:00Z"));
    assertThat(apj.plus(Instant.parse("2026-12-03T20:00:00Z"), Duration.ofHours(1)))
        .as("Friday 07:00 counts from 09:00: 10:00")
        .isEqualTo(Instant.parse("2026-12-03T23:00:00Z"));
    assertThat(apj.plus(Instant.parse("2026-12-04T08:00:00Z"), Duration.ofMinutes(30)))
        .as("Friday 19:00 counts from Monday 09:00")
        .isEqualTo(Instant.parse("2026-12-06T22:30:00Z"));
  }

  @Test
  @DisplayName("R11 with working hours 09:00-17:00 in New York across the fall back: Friday 16:00 EDT + 8 h is Monday 16:00 EST")
  void r11_workingHoursAcrossDaylightSaving() {
    BusinessTime amer = workingHours("AMER", "America/New_York", "09:00", "17:00");
    assertThat(amer.plus(Instant.parse("2026-10-30T20:00:00Z"), Duration.ofHours(8)))
        .isEqualTo(Instant.parse("2026-11-02T21:00:00Z"));
  }

  @Test
  @DisplayName("R9 fromNow on a region's calendar reads the engine clock: Friday 15:00 Sydney, PT24H is Monday 15:00 Sydney")
  void r9_fromNowOnTheEngineClock() {
    ClockUtil.setCurrentTime(Date.from(FRIDAY_15_00_SYDNEY));
    BusinessTime apj = calendars(new CalendarProperties(ZoneOffset.UTC, List.of())).named("APJ");
    assertThat(apj.fromNow("PT24H")).isEqualTo(Date.from(Instant.parse("2026-12-07T04:00:00Z")));
    assertThat(apj.nextBusinessDayAt("09:00")).isEqualTo(Date.from(Instant.parse("2026-12-06T22:00:00Z")));
  }

  @Test
  @DisplayName("R13 a person's calendar is the one configured for them, else their team's region, else the default")
  void r13_calendarOfAPerson() {
    assertThat(calendars.nameForPerson("kim", "AMER")).isEqualTo("APJ");
    assertThat(calendars.nameForPerson("lee", "AMER")).isEqualTo(BusinessCalendars.DEFAULT);
    assertThat(calendars.nameForPerson("sam", "EMEA_APJ")).isEqualTo("EMEA_APJ");
    assertThat(calendars.nameForPerson(null, null)).isEqualTo(BusinessCalendars.DEFAULT);
  }

  @Test
  @DisplayName("R11 the salesperson's region chooses the calendar, else the account's billing region, else the default")
  void r11_calendarOfASalesperson() {
    assertThat(calendars.nameForRegion("APAC", "EMEA")).isEqualTo("APJ");
    assertThat(calendars.nameForRegion(null, "EMEA")).isEqualTo("EMEA");
    assertThat(calendars.nameForRegion("Mars", "AMER")).as("a region that names no calendar").isEqualTo("AMER");
    assertThat(calendars.nameForRegion(" ", null)).isEqualTo(BusinessCalendars.DEFAULT);
  }

  @Test
  @DisplayName("R16 a person configured with an unknown calendar stops the start, naming the setting")
  void r16_unknownCalendarOfAPersonIsNamed() {
    CalendarProperties properties = new CalendarProperties(ZoneOffset.UTC, List.of(), null, null, Map.of("kim", "LATAM"));
    assertThatThrownBy(() -> calendars(properties)).hasMessageContaining("handoff.calendar.people.kim")
        .hasMessageContaining("'LATAM'");
  }

  private static BusinessTime workingHours(String name, String zone, String start, String end) {
    return new BusinessTime(name, ZoneId.of(zone), new WorkingHours(LocalTime.parse(start), LocalTime.parse(end)),
        Set.of(), Set::of);
  }

  private static BusinessCalendars calendars(CalendarProperties properties) {
    return new BusinessCalendars(properties, new BusinessTime(properties), new DeployedHolidays(noEngine()));
  }

  /** Without a running engine no holidays are deployed ({@link DeployedHolidaysTest} deploys some). */
  private static ObjectProvider<ProcessEngine> noEngine() {
    return new StaticListableBeanFactory().getBeanProvider(ProcessEngine.class);
  }
}
