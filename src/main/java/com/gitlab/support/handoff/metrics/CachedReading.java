package com.gitlab.support.handoff.metrics;

import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A value read from the database at most once per interval, however often it is asked for: every
 * gauge of a scrape, and every node's Prometheus, cost one query per interval, not one per read.
 * The interval is measured on the JVM's monotonic clock, not the engine's (which tests move).
 */
public final class CachedReading<T> {

  private final Supplier<T> read;
  private final long intervalNanos;
  private final LongSupplier nanoTime;
  private T value;
  private long readAt;
  private boolean hasValue;

  public CachedReading(Supplier<T> read, Duration interval) {
    this(read, interval, System::nanoTime);
  }

  CachedReading(Supplier<T> read, Duration interval, LongSupplier nanoTime) {
    this.read = read;
    this.intervalNanos = interval.toNanos();
    this.nanoTime = nanoTime;
  }

  /** The last value, read again first when it is older than the interval. */
  public synchronized T get() {
    long now = nanoTime.getAsLong();
    if (!hasValue || now - readAt >= intervalNanos) {
      value = read.get();
      readAt = now;
      hasValue = true;
    }
    return value;
  }
}
