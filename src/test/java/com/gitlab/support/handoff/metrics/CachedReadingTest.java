package com.gitlab.support.handoff.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CachedReadingTest {

  private final AtomicLong nanos = new AtomicLong(1_000);
  private final AtomicInteger reads = new AtomicInteger();

  @Test
  @DisplayName("a reading is taken once per interval, however often it is asked for, and again once it is older")
  void readsOncePerInterval() {
    CachedReading<Integer> reading = new CachedReading<>(reads::incrementAndGet, Duration.ofSeconds(10), nanos::get);

    assertThat(reading.get()).isEqualTo(1);
    nanos.addAndGet(Duration.ofSeconds(9).toNanos());
    assertThat(reading.get()).as("9 s later: the same reading").isEqualTo(1);
    assertThat(reading.get()).isEqualTo(1);
    nanos.addAndGet(Duration.ofSeconds(1).toNanos());
    assertThat(reading.get()).as("10 s after the first: read again").isEqualTo(2);
    assertThat(reads).hasValue(2);
  }

  @Test
  @DisplayName("an interval of zero reads on every call")
  void zeroReadsEveryTime() {
    CachedReading<Integer> reading = new CachedReading<>(reads::incrementAndGet, Duration.ZERO, nanos::get);

    assertThat(reading.get()).isEqualTo(1);
    assertThat(reading.get()).isEqualTo(2);
  }

  @Test
  @DisplayName("a failed reading is not kept: the next call reads again")
  void failureIsNotCached() {
    AtomicInteger calls = new AtomicInteger();
    CachedReading<Integer> reading = new CachedReading<>(() -> {
      if (calls.incrementAndGet() == 1) {
        throw new IllegalStateException("database down");
      }
      return 7;
    }, Duration.ofSeconds(10), nanos::get);

    org.assertj.core.api.Assertions.assertThatThrownBy(reading::get).hasMessage("database down");
    assertThat(reading.get()).isEqualTo(7);
  }
}
