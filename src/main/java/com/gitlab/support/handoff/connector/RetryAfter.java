package com.gitlab.support.handoff.connector;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads an HTTP {@code Retry-After} header (RFC 9110, 10.2.3): either delay-seconds ({@code 120}, what
 * Slack and Zendesk send) or an HTTP-date ({@code Wed, 21 Oct 2026 07:28:00 GMT}), which is measured
 * from the answer's own {@code Date} header when it has one, so that a remote clock ahead of or behind
 * ours does not stretch or cut the wait.
 */
public final class RetryAfter {

  private RetryAfter() {}

  /**
   * The wait the header asks for, never negative; empty when there is no header or it is unreadable.
   *
   * @param date the answer's {@code Date} header, or null
   * @param now our clock, used when the answer has no readable {@code Date}
   */
  public static Optional<Duration> parse(String header, String date, Instant now) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    String value = header.trim();
    if (value.chars().allMatch(Character::isDigit)) {
      try {
        return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
      } catch (NumberFormatException tooLong) {
        return Optional.empty();
      }
    }
    Optional<Instant> until = httpDate(value);
    if (until.isEmpty()) {
      return Optional.empty();
    }
    Instant from = httpDate(date).orElse(now);
    Duration wait = Duration.between(from, until.get());
    return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
  }

  private static Optional<Instant> httpDate(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(ZonedDateTime.parse(text.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
