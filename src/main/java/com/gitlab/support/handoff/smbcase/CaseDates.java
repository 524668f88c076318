package com.gitlab.support.handoff.smbcase;

import com.gitlab.support.handoff.calendar.BusinessTime;
import com.gitlab.support.handoff.calendar.CalendarProperties;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The dates of an SMB case, for the model ({@code ${caseDates.wakeUpOn(nextSteps)}}): Next Steps start
 * with their date (R25), "today" is the engine clock's day in the business calendar's zone.
 */
@Component("caseDates")
public class CaseDates {

  private final ZoneId zone;
  private final BusinessTime businessTime;

  public CaseDates(CalendarProperties calendar, BusinessTime businessTime) {
    this.zone = calendar.zone();
    this.businessTime = businessTime;
  }

  public LocalDate today() {
    return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), zone);
  }

  /** The date Next Steps start with ({@code 2026-07-05 KK First touch email}), or null when they do not. */
  public LocalDate nextStepsDate(String nextSteps) {
    if (nextSteps == null || nextSteps.length() < 10) {
      return null;
    }
    try {
      return LocalDate.parse(nextSteps.substring(0, 10));
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** R29: the Next Steps date lies after today, i.e. the customer is to be contacted later. */
  public boolean isFuture(String nextSteps) {
    LocalDate date = nextStepsDate(nextSteps);
    return date != null && date.isAfter(today());
  }

  /** R29: when a deferred case wakes up: the start of its Next Steps date, or of the next business day after it. */
  public Date wakeUpOn(String nextSteps) {
    LocalDate date = nextStepsDate(nextSteps);
    if (date == null) {
      throw new IllegalArgumentException("Next Steps '" + nextSteps + "' do not start with a date (YYYY-MM-DD)");
    }
    return Date.from(businessTime.plus(date.atStartOfDay(zone).toInstant(), Duration.ZERO));
  }

  /** R29: {@link #wakeUpOn(String)} on the case's calendar ({@link SmbCalendars}): the date is local to its zone. */
  public Date wakeUpOn(String nextSteps, BusinessTime calendar) {
    LocalDate date = nextStepsDate(nextSteps);
    if (date == null) {
      throw new IllegalArgumentException("Next Steps '" + nextSteps + "' do not start with a date (YYYY-MM-DD)");
    }
    return Date.from(calendar.plus(date.atStartOfDay(calendar.zone()).toInstant(), Duration.ZERO));
  }

  /** {@link #dueOn(String)} on the case's calendar: the end of the Next Steps date in its zone. */
  public Date dueOn(String nextSteps, BusinessTime calendar) {
    LocalDate date = nextStepsDate(nextSteps);
    LocalDate today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), calendar.zone());
    LocalDate due = date == null || date.isBefore(today) ? today : date;
    return Date.from(due.plusDays(1).atStartOfDay(calendar.zone()).minusSeconds(1).toInstant());
  }

  /** The advocate's task is due at the end of the Next Steps date (today when it has none or lies in the past). */
  public Date dueOn(String nextSteps) {
    LocalDate date = nextStepsDate(nextSteps);
    LocalDate due = date == null || date.isBefore(today()) ? today() : date;
    return Date.from(due.plusDays(1).atStartOfDay(zone).minusSeconds(1).toInstant());
  }

  /** R38: a date as the form sends it ({@code 2026-07-05}), or a date variable; null when absent or unreadable. */
  public LocalDate dateOf(Object value) {
    if (value instanceof LocalDate date) {
      return date;
    }
    if (value instanceof Date date) {
      return LocalDate.ofInstant(date.toInstant(), zone);
    }
    if (value instanceof String text && text.length() >= 10) {
      try {
        return LocalDate.parse(text.substring(0, 10));
      } catch (DateTimeParseException e) {
        return null;
      }
    }
    return null;
  }
}
