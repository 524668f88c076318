package com.gitlab.support.handoff.calendar;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Parses the ISO-8601 durations a model may use for business time: days, hours, minutes, seconds. */
public final class BusinessDurations {

  private static final String SUPPORTED = "use days, hours or minutes, e.g. P2D, PT24H, PT30M, P1DT12H";

  private BusinessDurations() {}

  /**
   * Returns the duration, a business day counting 24 hours.
   *
   * @throws IllegalArgumentException for negative, year, month, week or malformed durations
   */
  public static Duration parse(String iso) {
    if (iso == null || iso.isBlank()) {
      throw new IllegalArgumentException("A business duration is required: " + SUPPORTED);
    }
    String text = iso.strip().toUpperCase(Locale.ROOT);
    if (!text.matches("[+-]?P.*")) {
      throw notIso(iso, null);
    }
    if (text.contains("-")) {
      throw new IllegalArgumentException(
          "Business duration '" + iso + "' is negative; a deadline cannot lie in the past");
    }
    int timePart = text.indexOf('T');
    String datePart = timePart < 0 ? text : text.substring(0, timePart);
    if (datePart.contains("Y") || datePart.contains("M") || datePart.contains("W")) {
      // Years and months have no fixed length, and a "week" of business days is ambiguous (5 or 7 days?).
      throw new IllegalArgumentException(
          "Business duration '" + iso + "' uses years, months or weeks: " + SUPPORTED);
    }
    try {
      return Duration.parse(text);
    } catch (DateTimeParseException e) {
      throw notIso(iso, e);
    }
  }

  private static IllegalArgumentException notIso(String iso, Exception cause) {
    return new IllegalArgumentException(
        "Business duration '" + iso + "' is not an ISO-8601 duration: " + SUPPORTED, cause);
  }
}
