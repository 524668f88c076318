package com.gitlab.support.handoff.smbcase;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue 15: an SMB case's timers count on its team's calendar, AMER (New York) or EMEA_APJ (London; here
 * with a holiday of its own on Monday 2026-11-30), kept in the variable smbCalendar. Opened Saturday 02:00 UTC,
 * which is still Friday 21:00 in New York. Expected instants are worked out by hand.
 */
@TestPropertySource(properties = "handoff.calendar.regions.EMEA_APJ.holidays=2026-11-30")
class SmbCaseRegionalCalendarTest extends SmbCaseTestCase {

  private static final Instant SATURDAY_02_00 = Instant.parse("2026-11-28T02:00:00Z");

  @Test
  @DisplayName("R22 the pick-up SLA of an AMER case ends Monday 21:00 New York; of an EMEA+APJ case, after its own Monday holiday, Wednesday 00:00 London")
  void r22_pickUpSlaOnTheTeamsCalendar() {
    clockAt(SATURDAY_02_00);
    ProcessInstance amer = open(SmbCaseVariables.emailCase());
    ProcessInstance emeaApj = open(SmbCaseVariables.emailCase().in("EMEA_APJ"));

    assertThat(variable(amer, "smbCalendar")).isEqualTo("AMER");
    assertThat(variable(emeaApj, "smbCalendar")).isEqualTo("EMEA_APJ");
    assertThat(timer(amer, "pickUpSlaMissed").getDuedate()).isEqualTo(at("2026-12-01T02:00:00Z"));
    assertThat(task(amer, SmbCase.PICK_UP_TASK).getDueDate()).isEqualTo(at("2026-12-01T02:00:00Z"));
    assertThat(timer(emeaApj, "pickUpSlaMissed").getDuedate()).isEqualTo(at("2026-12-02T00:00:00Z"));
  }

  @Test
  @DisplayName("R26 the 7-day target counts business days of the case's team: EMEA+APJ skips its Monday holiday, AMER does not")
  void r26_sevenDaysOnTheTeamsCalendar() {
    ProcessInstance amer = open(SmbCaseVariables.emailCase());
    ProcessInstance emeaApj = open(SmbCaseVariables.emailCase().in("EMEA_APJ"));

    assertThat(timer(amer, "sevenDaysPassed").getDuedate()).as("Friday 10:00 New York + 7 business days")
        .isEqualTo(at("2026-12-08T15:00:00Z"));
    assertThat(timer(emeaApj, "sevenDaysPassed").getDuedate()).as("Friday 15:00 London + 7 business days, Monday off")
        .isEqualTo(at("2026-12-09T15:00:00Z"));
  }
}
