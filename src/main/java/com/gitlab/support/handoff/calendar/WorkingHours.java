package com.gitlab.support.handoff.calendar;

import java.time.LocalTime;

/**
 * The hours of a business day that count as business time, local to the calendar's zone: from
 * {@code start} up to {@code end}. A calendar without them counts the whole business day (00:00 to 24:00).
 *
 * @param start when business time starts on a business day, e.g. 09:00 (local to the calendar zone)
 * @param end when it ends, e.g. 17:00, later than the start on the same day; none: midnight
 */
public record WorkingHours(LocalTime start, LocalTime end) {

  /** The whole day: business time is wall-clock time without weekends and holidays. */
  public static final WorkingHours WHOLE_DAY = new WorkingHours(LocalTime.MIDNIGHT, null);

  public WorkingHours {
    if (start == null) {
      throw new IllegalArgumentException("working-hours.start is required when working hours are set, e.g. 09:00");
    }
    if (end != null && !end.isAfter(start)) {
      throw new IllegalArgumentException(
          "working-hours.end (" + end + ") must be after working-hours.start (" + start + ") on the same day");
    }
  }

  /** Whether these are the whole day (no end set: business time runs until midnight). */
  public boolean wholeDay() {
    return end == null && start.equals(LocalTime.MIDNIGHT);
  }

  @Override
  public String toString() {
    return wholeDay() ? "whole day" : start + "-" + (end == null ? "24:00" : end);
  }
}
