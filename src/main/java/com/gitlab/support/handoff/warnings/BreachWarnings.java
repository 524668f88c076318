package com.gitlab.support.handoff.warnings;

import com.gitlab.support.handoff.calendar.BusinessDurations;
import com.gitlab.support.handoff.calendar.BusinessTime;
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
 * counted on the same calendar as the target. As the share is below 1, the warning is always due
 * strictly before the target it warns of.
 */
@Component("breachWarnings")
public class BreachWarnings {

  private final double share;
  private final Function<String, BusinessTime> calendars;

  /** Until there are calendars per region, every calendar name counts on the one business calendar. */
  @Autowired
  public BreachWarnings(WarningProperties properties, BusinessTime businessTime) {
    this(properties, calendarName -> businessTime);
  }

  public BreachWarnings(WarningProperties properties, Function<String, BusinessTime> calendars) {
    this.share = properties.share();
    this.calendars = calendars;
  }

  /** When to warn of a target of {@code isoTarget} business time that starts now, on that calendar. */
  public Date before(String calendarName, String isoTarget) {
    return Date.from(calendars.apply(calendarName).plus(now(), warningAfter(isoTarget)));
  }

  /**
   * When the target is missed, asked at the warning: the rest of the target's business time from now.
   * The same moment the target's own timer holds, as business time adds up.
   */
  public Date breachAt(String calendarName, String isoTarget) {
    return Date.from(calendars.apply(calendarName).plus(now(), left(isoTarget)));
  }

  /** What is left of the target at the warning, in words: "6 business hours", "1 business day and 18 hours". */
  public String timeLeft(String isoTarget) {
    return words(left(isoTarget));
  }

  Duration warningAfter(String isoTarget) {
    Duration target = BusinessDurations.parse(isoTarget);
    if (target.isZero()) {
      throw new IllegalArgumentException("A target of " + isoTarget + " leaves no time to warn before it");
    }
    // Whole minutes: a timer at 17:59:59.999 reads worse in Cockpit than one at 18:00.
    return Duration.ofMinutes(Math.max(1, (long) Math.floor(target.toMinutes() * share)));
  }

  Duration left(String isoTarget) {
    return BusinessDurations.parse(isoTarget).minus(warningAfter(isoTarget));
  }

  static String words(Duration left) {
    long days = left.toDays();
    long hours = left.minusDays(days).toHours();
    long minutes = left.minusDays(days).minusHours(hours).toMinutes();
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
