package com.gitlab.support.handoff.calendar;

import java.time.Duration;
import java.util.Locale;

/**
 * A business duration as a model writes it: whole business days (the {@code P…D} part) and business
 * time (the {@code T…} part). Without working hours a business day counts 24 hours, so {@code P1D}
 * and {@code PT24H} are the same; with working hours {@code P1D} is the same local time one business
 * day later and {@code PT24H} is 24 working hours.
 */
public record BusinessDuration(long days, Duration time) {

  public BusinessDuration {
    if (days < 0 || time == null || time.isNegative()) {
      throw new IllegalArgumentException("A business duration cannot be negative: a deadline cannot lie in the past");
    }
  }

  public static BusinessDuration of(Duration time) {
    return new BusinessDuration(0, time);
  }

  /** Parses {@code P2D}, {@code PT24H}, {@code P1DT12H}; rejects what {@link BusinessDurations#parse} rejects. */
  public static BusinessDuration parse(String iso) {
    Duration total = BusinessDurations.parse(iso);
    String text = iso.strip().toUpperCase(Locale.ROOT);
    int timePart = text.indexOf('T');
    String datePart = timePart < 0 ? text : text.substring(0, timePart);
    long days = datePart.endsWith("D") ? Long.parseLong(datePart.substring(datePart.indexOf('P') + 1, datePart.length() - 1)) : 0;
    return new BusinessDuration(days, total.minusDays(days));
  }
}
