package com.gitlab.support.handoff.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Business time as CONTRACT "Business time" states it; the week of Friday 2026-03-06 unless said otherwise. */
class BusinessTimeTest {

  private static final ZoneId UTC = ZoneId.of("UTC");
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final ZoneId JERUSALEM = ZoneId.of("Asia/Jerusalem");
  private static final ZoneId CAIRO = ZoneId.of("Africa/Cairo");

  private static final LocalDate THURSDAY = LocalDate.of(2026, 3, 5);
  private static final LocalDate FRIDAY = LocalDate.of(2026, 3, 6);
  private static final LocalDate SATURDAY = LocalDate.of(2026, 3, 7);
  private static final LocalDate SUNDAY = LocalDate.of(2026, 3, 8);
  private static final LocalDate MONDAY = LocalDate.of(2026, 3, 9);
  private static final LocalDate TUESDAY = LocalDate.of(2026, 3, 10);
  private static final LocalDate WEDNESDAY = LocalDate.of(2026, 3, 11);

  private static final Duration HOURS_24 = Duration.ofHours(24);

  private final BusinessTime utc = calendar(UTC);

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Nested
  @DisplayName("CONTRACT examples")
  class ContractExamples {

    @Test
    @DisplayName("Business time: Friday 15:00 + 24 business hours is Monday 15:00")
    void fridayAfternoonPlusOneDayIsMonday() {
      assertThat(utc.plus(at(FRIDAY, "15:00"), HOURS_24)).isEqualTo(at(MONDAY, "15:00"));
    }

    @Test
    @DisplayName("Business time: Saturday 10:00 + 24 business hours is Tuesday 00:00")
    void saturdayPlusOneDayIsTuesdayMidnight() {
      assertThat(utc.plus(at(SATURDAY, "10:00"), HOURS_24)).isEqualTo(at(TUESDAY, "00:00"));
    }

    @Test
    @DisplayName("Business time: with a holiday on Monday, Friday 15:00 + 24 business hours is Tuesday 15:00")
    void mondayHolidayMovesFridayToTuesday() {
      assertThat(calendar(UTC, MONDAY).plus(at(FRIDAY, "15:00"), HOURS_24)).isEqualTo(at(TUESDAY, "15:00"));
    }

    @Test
    @DisplayName("Business time: with a holiday on Monday, Saturday 10:00 + 24 business hours is Wednesday 00:00")
    void mondayHolidayMovesSaturdayToWednesday() {
      assertThat(calendar(UTC, MONDAY).plus(at(SATURDAY, "10:00"), HOURS_24))
          .isEqualTo(at(WEDNESDAY, "00:00"));
    }
  }

  @Nested
  @DisplayName("Weekends")
  class Weekends {

    @Test
    @DisplayName("Business time: Saturday and Sunday are not business days, Monday to Friday are")
    void weekendIsNotBusinessDay() {
      assertThat(utc.isBusinessDay(SATURDAY)).isFalse();
      assertThat(utc.isBusinessDay(SUNDAY)).isFalse();
      assertThat(List.of(MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY)).allMatch(utc::isBusinessDay);
    }

    @Test
    @DisplayName("Business time: a start on Sunday 23:59 counts from Monday 00:00")
    void startOnSundayCountsFromMonday() {
      assertThat(utc.plus(at(SUNDAY, "23:59"), Duration.ofMinutes(1))).isEqualTo(at(MONDAY, "00:01"));
    }

    @Test
    @DisplayName("Business time: hours running out exactly at Friday midnight end at Monday 00:00")
    void endingAtFridayMidnightLandsOnMonday() {
      assertThat(utc.plus(at(FRIDAY, "15:00"), Duration.ofHours(9))).isEqualTo(at(MONDAY, "00:00"));
    }

    @Test
    @DisplayName("Business time: PT0S on a weekend is Monday 00:00, on a business day the start itself")
    void zeroDuration() {
      assertThat(utc.plus(at(SATURDAY, "10:00"), Duration.ZERO)).isEqualTo(at(MONDAY, "00:00"));
      assertThat(utc.plus(at(WEDNESDAY, "10:00"), Duration.ZERO)).isEqualTo(at(WEDNESDAY, "10:00"));
    }

    @Test
    @DisplayName("Business time: 120 business hours (5 business days) from Friday 15:00 is the next Friday 15:00")
    void fiveBusinessDaysIsOneWeek() {
      assertThat(utc.plus(at(FRIDAY, "15:00"), Duration.ofHours(120))).isEqualTo(at(FRIDAY.plusWeeks(1), "15:00"));
    }
  }

  @Nested
  @DisplayName("ISO-8601 durations")
  class IsoDurations {

    @Test
    @DisplayName("Business time: P2D from Thursday 15:00 is Monday 15:00, from Friday 15:00 Tuesday 15:00")
    void twoBusinessDays() {
      assertThat(utc.plus(at(THURSDAY, "15:00"), BusinessDurations.parse("P2D"))).isEqualTo(at(MONDAY, "15:00"));
      assertThat(utc.plus(at(FRIDAY, "15:00"), BusinessDurations.parse("P2D"))).isEqualTo(at(TUESDAY, "15:00"));
    }

    @Test
    @DisplayName("Business time: P1D and PT24H are the same business time")
    void oneDayIsTwentyFourHours() {
      assertThat(BusinessDurations.parse("P1D")).isEqualTo(BusinessDurations.parse("PT24H"));
    }

    @Test
    @DisplayName("Business time: P1DT12H from Friday 15:00 is Tuesday 03:00, PT30M from Friday 23:45 Monday 00:15")
    void mixedDurations() {
      assertThat(utc.plus(at(FRIDAY, "15:00"), BusinessDurations.parse("P1DT12H"))).isEqualTo(at(TUESDAY, "03:00"));
      assertThat(utc.plus(at(FRIDAY, "23:45"), BusinessDurations.parse("PT30M"))).isEqualTo(at(MONDAY, "00:15"));
    }

    @Test
    @DisplayName("Business time: PT0S is no business time")
    void zeroIso() {
      assertThat(BusinessDurations.parse("PT0S")).isZero();
    }

    @ParameterizedTest(name = "Business time: \"{0}\" is rejected as negative")
    @ValueSource(strings = {"-PT1H", "PT-1H", "-P1D"})
    void rejectsNegativeDurations(String iso) {
      assertThatIllegalArgumentException().isThrownBy(() -> BusinessDurations.parse(iso)).withMessageContaining("negative");
    }

    @ParameterizedTest(name = "Business time: \"{0}\" is rejected because years, months and weeks have no business length")
    @ValueSource(strings = {"P1Y", "P1M", "P2W", "P1Y2M3DT4H"})
    void rejectsYearsMonthsWeeks(String iso) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> BusinessDurations.parse(iso))
          .withMessageContaining("years, months or weeks")
          .withMessageContaining("P2D, PT24H");
    }

    @ParameterizedTest(name = "Business time: \"{0}\" is rejected as no ISO-8601 duration")
    @ValueSource(strings = {"", " ", "P", "PT", "24h", "tomorrow", "2026-03-06T15:00:00Z"})
    void rejectsMalformedDurations(String iso) {
      assertThatIllegalArgumentException().isThrownBy(() -> BusinessDurations.parse(iso)).withMessageContaining("P2D");
    }

    @Test
    @DisplayName("Business time: a negative java.time.Duration is rejected")
    void rejectsNegativeJavaDuration() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> utc.plus(at(FRIDAY, "15:00"), Duration.ofHours(-1)))
          .withMessageContaining("negative");
    }
  }

  @Nested
  @DisplayName("Holidays")
  class Holidays {

    @Test
    @DisplayName("Business time: consecutive holidays Monday and Tuesday move Friday 15:00 + 24 h to Wednesday 15:00")
    void consecutiveHolidays() {
      assertThat(calendar(UTC, MONDAY, TUESDAY).plus(at(FRIDAY, "15:00"), HOURS_24))
          .isEqualTo(at(WEDNESDAY, "15:00"));
    }

    @Test
    @DisplayName("Business time: with a holiday on Friday, Thursday 15:00 + 24 h is Monday 15:00")
    void holidayOnFriday() {
      assertThat(calendar(UTC, FRIDAY).plus(at(THURSDAY, "15:00"), HOURS_24)).isEqualTo(at(MONDAY, "15:00"));
    }

    @Test
    @DisplayName("Business time: a start on a Friday holiday counts from Monday 00:00")
    void startOnHoliday() {
      BusinessTime fridayOff = calendar(UTC, FRIDAY);
      assertThat(fridayOff.isBusinessDay(FRIDAY)).isFalse();
      assertThat(fridayOff.plus(at(FRIDAY, "10:00"), HOURS_24)).isEqualTo(at(TUESDAY, "00:00"));
    }

    @Test
    @DisplayName("Business time: a holiday on a Saturday changes nothing")
    void holidayOnSaturdayChangesNothing() {
      assertThat(calendar(UTC, SATURDAY).plus(at(FRIDAY, "15:00"), HOURS_24)).isEqualTo(at(MONDAY, "15:00"));
    }
  }

  @Nested
  @DisplayName("Zones and daylight saving")
  class Zones {

    @Test
    @DisplayName("Business time: Friday 23:30 UTC + 1 h is Monday 00:30 UTC, but in Berlin (already Saturday) Monday 01:00")
    void sameInstantDifferentZone() {
      Instant fridayLateUtc = at(FRIDAY, "23:30");
      assertThat(utc.plus(fridayLateUtc, Duration.ofHours(1))).isEqualTo(at(MONDAY, "00:30"));
      assertThat(calendar(BERLIN).plus(fridayLateUtc, Duration.ofHours(1))).isEqualTo(at(MONDAY, "01:00", BERLIN));
    }

    @Test
    @DisplayName("Business time: Berlin spring forward — Friday 15:00 CET + 24 h is Monday 15:00 CEST (71 real hours)")
    void berlinSpringForward() {
      Instant start = at(LocalDate.of(2026, 3, 27), "15:00", BERLIN);
      Instant end = calendar(BERLIN).plus(start, HOURS_24);
      assertThat(end).isEqualTo(at(LocalDate.of(2026, 3, 30), "15:00", BERLIN));
      assertThat(Duration.between(start, end)).isEqualTo(Duration.ofHours(71));
    }

    @Test
    @DisplayName("Business time: Berlin fall back — Friday 15:00 CEST + 24 h is Monday 15:00 CET (73 real hours)")
    void berlinFallBack() {
      Instant start = at(LocalDate.of(2026, 10, 23), "15:00", BERLIN);
      Instant end = calendar(BERLIN).plus(start, HOURS_24);
      assertThat(end).isEqualTo(at(LocalDate.of(2026, 10, 26), "15:00", BERLIN));
      assertThat(Duration.between(start, end)).isEqualTo(Duration.ofHours(73));
    }

    @Test
    @DisplayName("Business time: New York spring forward — Friday 15:00 EST + 24 h is Monday 15:00 EDT")
    void newYorkSpringForward() {
      assertThat(calendar(NEW_YORK).plus(at(FRIDAY, "15:00", NEW_YORK), HOURS_24))
          .isEqualTo(at(MONDAY, "15:00", NEW_YORK))
          .isEqualTo(Instant.parse("2026-03-09T19:00:00Z"));
    }

    @Test
    @DisplayName("Business time: New York fall back — Friday 15:00 EDT + 24 h is Monday 15:00 EST")
    void newYorkFallBack() {
      assertThat(calendar(NEW_YORK).plus(at(LocalDate.of(2026, 10, 30), "15:00", NEW_YORK), HOURS_24))
          .isEqualTo(Instant.parse("2026-11-02T20:00:00Z"));
    }

    @Test
    @DisplayName("Business time: a start at the nonexistent Sunday 02:30 in Berlin counts from Monday 00:00")
    void startAtNonexistentLocalTimeOnWeekend() {
      Instant start = at(LocalDate.of(2026, 3, 29), "02:30", BERLIN);
      assertThat(calendar(BERLIN).plus(start, HOURS_24)).isEqualTo(at(LocalDate.of(2026, 3, 31), "00:00", BERLIN));
    }

    @Test
    @DisplayName("Business time: a start at the nonexistent Friday 02:30 in Jerusalem is 03:30, + 1 h is 04:30")
    void startAtNonexistentLocalTimeOnBusinessDay() {
      Instant start = at(LocalDate.of(2026, 3, 27), "02:30", JERUSALEM);
      assertThat(start).isEqualTo(Instant.parse("2026-03-27T00:30:00Z"));
      assertThat(calendar(JERUSALEM).plus(start, Duration.ofHours(1))).isEqualTo(Instant.parse("2026-03-27T01:30:00Z"));
    }

    @Test
    @DisplayName("Business time: a result in a spring-forward gap moves later by the gap (Jerusalem Friday 02:30 → 03:30)")
    void resultInGapMovesLater() {
      Instant start = at(LocalDate.of(2026, 3, 26), "02:30", JERUSALEM);
      assertThat(calendar(JERUSALEM).plus(start, HOURS_24)).isEqualTo(Instant.parse("2026-03-27T00:30:00Z"));
    }

    @Test
    @DisplayName("Business time: a result in a fall-back overlap takes the earlier offset (Cairo Thursday 23:30 +03:00)")
    void resultInOverlapTakesEarlierOffset() {
      Instant start = Instant.parse("2026-10-28T20:30:00Z"); // Wednesday 23:30 +03:00
      assertThat(calendar(CAIRO).plus(start, HOURS_24)).isEqualTo(Instant.parse("2026-10-29T20:30:00Z"));
    }
  }

  @Nested
  @DisplayName("From the engine clock")
  class FromNow {

    @Test
    @DisplayName("Business time: plusHours(24) and plusDays(1) at Friday 15:00 (engine clock) are Monday 15:00")
    void plusHoursAndDaysFromEngineClock() {
      ClockUtil.setCurrentTime(Date.from(at(FRIDAY, "15:00")));
      assertThat(utc.plusHours(24)).isEqualTo(Date.from(at(MONDAY, "15:00")));
      assertThat(utc.plusDays(1)).isEqualTo(Date.from(at(MONDAY, "15:00")));
      assertThat(utc.fromNow("P2D")).isEqualTo(Date.from(at(TUESDAY, "15:00")));
    }

    @Test
    @DisplayName("Business time: plusHours with a negative number is rejected")
    void plusHoursRejectsNegative() {
      assertThatIllegalArgumentException().isThrownBy(() -> utc.plusHours(-1));
    }

    @Test
    @DisplayName("Business time: the next business-day 09:00 after Friday 08:00 is Friday 09:00, after 09:00 or later Monday 09:00")
    void nextBusinessDayMorning() {
      LocalTime nine = LocalTime.of(9, 0);
      assertThat(utc.nextBusinessDayAt(at(FRIDAY, "08:00"), nine)).isEqualTo(at(FRIDAY, "09:00"));
      assertThat(utc.nextBusinessDayAt(at(FRIDAY, "09:00"), nine)).isEqualTo(at(MONDAY, "09:00"));
      assertThat(utc.nextBusinessDayAt(at(SATURDAY, "08:00"), nine)).isEqualTo(at(MONDAY, "09:00"));
      assertThat(calendar(UTC, MONDAY).nextBusinessDayAt(at(FRIDAY, "10:00"), nine)).isEqualTo(at(TUESDAY, "09:00"));
    }

    @Test
    @DisplayName("Business time: nextBusinessDayAt(\"09:00\") reads the engine clock and the configured zone")
    void nextBusinessDayMorningFromEngineClock() {
      ClockUtil.setCurrentTime(Date.from(at(FRIDAY, "10:00", BERLIN)));
      assertThat(calendar(BERLIN).nextBusinessDayAt("09:00")).isEqualTo(Date.from(at(MONDAY, "09:00", BERLIN)));
    }
  }

  @Nested
  @DisplayName("Business time between two moments (the SLA reports)")
  class Between {

    @Test
    @DisplayName("Friday 15:00 to Monday 15:00 is 24 business hours, the inverse of plus")
    void overAWeekend() {
      assertThat(utc.between(at(FRIDAY, "15:00"), at(MONDAY, "15:00"))).isEqualTo(HOURS_24);
      assertThat(utc.between(at(FRIDAY, "15:00"), utc.plus(at(FRIDAY, "15:00"), Duration.ofHours(50))))
          .isEqualTo(Duration.ofHours(50));
    }

    @Test
    @DisplayName("Time on a weekend or a holiday does not count; within a day it counts as it is")
    void weekendAndHolidaysDoNotCount() {
      assertThat(utc.between(at(SATURDAY, "10:00"), at(SUNDAY, "18:00"))).isZero();
      assertThat(utc.between(at(SATURDAY, "10:00"), at(MONDAY, "02:30"))).isEqualTo(Duration.ofMinutes(150));
      assertThat(calendar(UTC, MONDAY).between(at(FRIDAY, "15:00"), at(TUESDAY, "15:00"))).isEqualTo(HOURS_24);
      assertThat(utc.between(at(TUESDAY, "09:00"), at(TUESDAY, "09:30"))).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    @DisplayName("An end before the start is no time at all")
    void backwardsIsZero() {
      assertThat(utc.between(at(TUESDAY, "09:00"), at(MONDAY, "09:00"))).isZero();
    }
  }

  private static BusinessTime calendar(ZoneId zone, LocalDate... holidays) {
    return new BusinessTime(new CalendarProperties(zone, List.of(holidays)));
  }

  private static Instant at(LocalDate date, String time) {
    return at(date, time, UTC);
  }

  private static Instant at(LocalDate date, String time, ZoneId zone) {
    return ZonedDateTime.of(LocalDateTime.of(date, LocalTime.parse(time)), zone).toInstant();
  }
}
