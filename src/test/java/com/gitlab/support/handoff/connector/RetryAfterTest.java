package com.gitlab.support.handoff.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

  private static final Instant NOW = Instant.parse("2026-12-02T09:00:00Z");

  @Test
  @DisplayName("delay-seconds, as Slack and Zendesk send them")
  void seconds() {
    assertThat(RetryAfter.parse("120", null, NOW)).contains(Duration.ofSeconds(120));
    assertThat(RetryAfter.parse(" 7 ", null, NOW)).contains(Duration.ofSeconds(7));
    assertThat(RetryAfter.parse("0", null, NOW)).contains(Duration.ZERO);
  }

  @Test
  @DisplayName("an HTTP-date counts from the answer's own Date header, so a remote clock off from ours changes nothing")
  void httpDateFromTheAnswersDate() {
    assertThat(RetryAfter.parse("Wed, 02 Dec 2026 10:02:30 GMT", "Wed, 02 Dec 2026 10:00:00 GMT", NOW))
        .contains(Duration.ofSeconds(150));
  }

  @Test
  @DisplayName("an HTTP-date without a readable Date header counts from our clock; one in the past means now")
  void httpDateFromOurClock() {
    assertThat(RetryAfter.parse("Wed, 02 Dec 2026 09:05:00 GMT", null, NOW)).contains(Duration.ofMinutes(5));
    assertThat(RetryAfter.parse("Wed, 02 Dec 2026 09:05:00 GMT", "yesterday", NOW)).contains(Duration.ofMinutes(5));
    assertThat(RetryAfter.parse("Wed, 02 Dec 2026 08:00:00 GMT", null, NOW)).contains(Duration.ZERO);
  }

  @Test
  @DisplayName("no header, or one we cannot read: no wait named (the configured default applies)")
  void unreadable() {
    assertThat(RetryAfter.parse(null, null, NOW)).isEmpty();
    assertThat(RetryAfter.parse("  ", null, NOW)).isEmpty();
    assertThat(RetryAfter.parse("soon", null, NOW)).isEmpty();
    assertThat(RetryAfter.parse("-5", null, NOW)).isEmpty();
    assertThat(RetryAfter.parse("99999999999999999999", null, NOW)).isEmpty();
  }
}
