package com.gitlab.support.handoff.warnings;

import com.gitlab.support.handoff.calendar.BusinessCalendars;
import com.gitlab.support.handoff.calendar.BusinessDuration;
import com.gitlab.support.handoff.calendar.BusinessTime;
import com.gitlab.support.handoff.calendar.WorkingHours;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.function.Function;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The moment to warn before a target is missed (issue #15), for the models' warning timers, e.g.
 * {@code timeDate="${breachWarnings.before(salesCalendar, 'PT24H')}"} on the task or round that waits
 * for the target {@code PT24H}: {@code handoff.warnings.share} of the target's business time from now,
 * counted on the same calendar as the target (business days stay days, business hours stay hours, so
 * working hours count as they do for the target). As the share is below 1, the warning is always due
 * strictly before the target it warns of.
 */
@Component("breachWarnings")
public class BreachWarnings {

  private final double share;
  private final Function<String, BusinessTime> calendars;

  /** The calendars per region: {@code named} gives the default one for a null or blank name. */
  @Autowired
  public BreachWarnings(WarningProperties properties, BusinessCalendars calendars) {
    this(properties, calendars::named);
  }

  /** Every calendar name counts on this one calendar. */
  public BreachWarnings(WarningProperties properties, BusinessTime calendar) {
    this(properties, calendarName -> calendar);
  }

  public BreachWarnings(WarningProperties properties, Function<String, BusinessTime> calendars) {
    this.share = properties.share();
    this.calendars = calendars;
  }

  /** When to warn of a target of {@code isoTarget} business time that starts now, on that calendar. */
  public Date before(String calendarName, String isoTarget) {
    BusinessTime calendar = calendars.apply(calendarName);
    return Date.from(calendar.plus(now(), split(calendar, isoTarget).warning()));
  }

  /**
   * When the target is missed, asked at the warning: the rest of the target from now. The moment the
   * target's own timer holds, as business time adds up.
   */
  public Date breachAt(String calendarName, String isoTarget) {
    BusinessTime calendar = calendars.apply(calendarName);
    return Date.from(calendar.plus(now(), split(calendar, isoTarget).left()));
  }

  /** What is left of the target at the warning, in words: "6 business hours", "1 business day and 18 hours". */
  public String timeLeft(String calendarName, String isoTarget) {
    BusinessDuration left = split(calendars.apply(calendarName), isoTarget).left();
    return words(left.days(), left.time());
  }

  /** The target cut at the share: the business time until the warning, and what is left after it. */
  Split split(BusinessTime calendar, String isoTarget) {
    BusinessDuration target = BusinessDuration.parse(isoTarget);
    if (target.days() == 0 && target.time().isZero()) {
      throw new IllegalArgumentException("A target of " + isoTarget + " leaves no time to warn before it");
    }
    Duration day = dayLength(calendar.workingHours());
    double warningDays = target.days() * share;
    long wholeDays = (long) Math.floor(warningDays);
    // Whole minutes: a timer at 17:59:59.999 reads worse in Cockpit than one at 18:00.
    long dayMinutes = (long) Math.floor((warningDays - wholeDays) * day.toMinutes());
    long timeMinutes = (long) Math.floor(target.time().toMinutes() * share);
    Duration warningTime = Duration.ofMinutes(Math.max(wholeDays == 0 && dayMinutes == 0 ? 1 : 0, dayMinutes + timeMinutes));
    BusinessDuration warning = new BusinessDuration(wholeDays, warningTime);
    // Left: the days after the warning's day, and the rest of the warning's day plus the rest of the hours.
    long leftDays = target.days() - wholeDays - (dayMinutes > 0 ? 1 : 0);
    Duration leftTime = target.time().minusMinutes(timeMinutes).plus(dayMinutes > 0 ? day.minusMinutes(dayMinutes) : Duration.ZERO);
    if (leftTime.isNegative()) {
      leftTime = Duration.ZERO;
    }
    return new Split(warning, new BusinessDuration(leftDays, leftTime));
  }

  record Split(BusinessDuration warning, BusinessDuration left) {}

  private static Duration dayLength(WorkingHours hours) {
    if (hours == null) {
      return Duration.ofDays(1);
    }
    // Without an end, business time runs until midnight.
    return hours.end() == null
        ? Duration.ofDays(1).minus(Duration.between(java.time.LocalTime.MIDNIGHT, hours.start()))
        : Duration.between(hours.start(), hours.end());
  }

  static String words(long days, Duration time) {
    long hours = time.toHours();
    long minutes = time.minusHours(hours).toMinutes();
    if (days == 0 && hours >= 24 && minutes == 0 && hours % 24 == 0) {
      days = hours / 24;
      hours = 0;
    }
    StringBuilder text = new StringBuilder();
    if (days > 0) {
      text.append(days).append(days == 1 ? " business day" : " business days");
    }
    if (hours > 0) {
      text.append(days > 0 ? (minutes > 0 ? ", " : " and ") : "").append(hours).append(hours == 1 ? " hour" : " hours");
    }
    if (minutes > 0) {
      text.append(days > 0 || hours > 0 ? " and " : "").append(minutes).append(minutes == 1 ? " minute" : " minutes");
    }
    String words = text.toString();
    return days > 0 ? words : words.replaceFirst("^(\\d+) (hours?|minutes?)", "$1 business $2");
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
