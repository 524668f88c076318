package com.gitlab.support.handoff.jobs;

import static com.gitlab.support.handoff.connector.ExternalSystem.SLACK;
import static com.gitlab.support.handoff.connector.ExternalSystem.ZENDESK;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Issue #16: when a system counts as down, until when, and when it no longer does. */
class SystemOutagesTest {

  private static final Instant T0 = Instant.parse("2026-12-07T09:00:00Z");

  /** 3 failures within 2 minutes park a system for 2 minutes, doubled per failed probe up to 15. */
  private final SystemOutages outages = new SystemOutages(new FailedJobProperties(
      new FailedJobProperties.RateLimits(Duration.ofMinutes(5), Duration.ofHours(6), 100),
      new FailedJobProperties.Outages(3, Duration.ofMinutes(2), Duration.ofMinutes(2), Duration.ofMinutes(15),
          Duration.ofHours(4))));

  @Test
  @DisplayName("the third failure within the window parks the system; the first two do not")
  void parksAfterEnoughFailures() {
    assertThat(outages.failed(ZENDESK, T0)).isEmpty();
    assertThat(outages.failed(ZENDESK, T0.plusSeconds(30))).isEmpty();
    assertThat(outages.failed(ZENDESK, T0.plusSeconds(60))).contains(T0.plusSeconds(60 + 120));
    assertThat(outages.failed(ZENDESK, T0.plusSeconds(90))).as("parked: the same probe time")
        .contains(T0.plusSeconds(180));
    assertThat(outages.parkedUntil(ZENDESK, T0.plusSeconds(100))).contains(T0.plusSeconds(180));
    assertThat(outages.parkedUntil(SLACK, T0.plusSeconds(100))).as("each system on its own").isEmpty();
  }

  @Test
  @DisplayName("failures spread wider than the window do not park the system")
  void sparseFailures() {
    for (int minute = 0; minute < 30; minute += 2) {
      assertThat(outages.failed(ZENDESK, T0.plus(Duration.ofMinutes(minute)).plusSeconds(1))).isEmpty();
    }
  }

  @Test
  @DisplayName("a failure just after the probe time parks the system again at once, for twice as long, up to 15 minutes")
  void failedProbes() {
    outages.failed(ZENDESK, T0);
    outages.failed(ZENDESK, T0);
    Instant probe = outages.failed(ZENDESK, T0).orElseThrow();
    assertThat(probe).isEqualTo(T0.plus(Duration.ofMinutes(2)));

    Instant[] expected = {
        T0.plus(Duration.ofMinutes(2 + 4)), T0.plus(Duration.ofMinutes(6 + 8)), T0.plus(Duration.ofMinutes(14 + 15)),
        T0.plus(Duration.ofMinutes(29 + 15))};
    for (Instant next : expected) {
      probe = outages.failed(ZENDESK, probe).orElseThrow();
      assertThat(probe).isEqualTo(next);
    }
  }

  @Test
  @DisplayName("no failures for a window after the probe time: the system is back, a lone failure parks nothing")
  void recovered() {
    outages.failed(ZENDESK, T0);
    outages.failed(ZENDESK, T0);
    Instant probe = outages.failed(ZENDESK, T0).orElseThrow();

    assertThat(outages.parkedUntil(ZENDESK, probe)).isEmpty();
    assertThat(outages.failed(ZENDESK, probe.plus(Duration.ofMinutes(3)))).isEmpty();
  }

  @Test
  @DisplayName("an engine clock moved back by more than the window (tests do) starts afresh")
  void clockMovedBack() {
    outages.failed(ZENDESK, T0.plus(Duration.ofHours(2)));
    outages.failed(ZENDESK, T0.plus(Duration.ofHours(2)));

    assertThat(outages.failed(ZENDESK, T0)).isEmpty();
    assertThat(outages.failed(ZENDESK, T0)).isEmpty();
    assertThat(outages.failed(ZENDESK, T0)).isPresent();
  }

  @Test
  @DisplayName("forgetting is as after a restart")
  void forget() {
    outages.failed(ZENDESK, T0);
    outages.failed(ZENDESK, T0);
    outages.forget();

    assertThat(outages.failed(ZENDESK, T0)).isEmpty();
  }
}
