package com.gitlab.support.handoff.review;

import com.gitlab.support.handoff.calendar.BusinessCalendars;
import com.gitlab.support.handoff.calendar.BusinessTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * R16: the review runs at 09:00 in each engineer's zone, on the business days of their calendar: the
 * calendar of {@code handoff.calendar.people.<user id>}, else the default calendar ({@code handoff.calendar.zone}).
 * {@code dailySalesReview} asks every {@value #CHECK_MINUTES} minutes whose 09:00 it is, so zones with half
 * and quarter hours (India, Nepal, Adelaide) get theirs too.
 */
@Component("reviewMornings")
public class ReviewMornings {

  /** When the review starts, local to each engineer's calendar. */
  public static final LocalTime MORNING = LocalTime.of(9, 0);
  /** How often dailySalesReview asks; its timer cycle is {@code 0 0/15 * * * ?}. */
  public static final int CHECK_MINUTES = 15;
  /** An open review gives way to the next one a minute before it. */
  private static final LocalTime REPLACED_AT = MORNING.minusMinutes(1);

  private final BusinessCalendars calendars;
  private final HandoffsWaitingForSales waiting;

  public ReviewMornings(BusinessCalendars calendars, HandoffsWaitingForSales waiting) {
    this.calendars = calendars;
    this.waiting = waiting;
  }

  /** Whether it is 09:00 (to 09:14) on a business day in the calendar of anyone configured, or in the default calendar. */
  public boolean isMorningSomewhere() {
    Instant now = now();
    return calendars.calendarsOfPeople().stream().anyMatch(calendar -> isMorning(calendar, now));
  }

  /** The engineers with handoffs waiting for Sales whose business morning (09:00 to 09:14 local) it is now. */
  public List<String> engineersNow() {
    Instant now = now();
    return waiting.engineers().stream().filter(engineer -> isMorning(calendars.ofPerson(engineer), now)).toList();
  }

  /** The engineer's local date, e.g. {@code 2026-11-30}, for the task's name. */
  public String dateFor(String engineer) {
    return localDate(calendars.ofPerson(engineer), now()).toString();
  }

  /** When the reviews started now give way to the next ones: the earliest next business morning (08:59) of their engineers. */
  public Date replacedAt() {
    Instant now = now();
    return engineersNow().stream()
        .map(engineer -> calendars.ofPerson(engineer).nextBusinessDayAt(now, REPLACED_AT))
        .min(Comparator.naturalOrder())
        .map(Date::from)
        .orElseGet(() -> Date.from(calendars.defaultCalendar().nextBusinessDayAt(now, REPLACED_AT)));
  }

  static boolean isMorning(BusinessTime calendar, Instant now) {
    ZonedDateTime local = now.atZone(calendar.zone());
    LocalTime time = local.toLocalTime();
    return calendar.isBusinessDay(local.toLocalDate())
        && !time.isBefore(MORNING) && time.isBefore(MORNING.plus(Duration.ofMinutes(CHECK_MINUTES)));
  }

  private static LocalDate localDate(BusinessTime calendar, Instant now) {
    return now.atZone(calendar.zone()).toLocalDate();
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
