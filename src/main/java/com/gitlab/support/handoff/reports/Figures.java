package com.gitlab.support.handoff.reports;

import java.time.Duration;
import java.util.List;

/** Rounding and statistics the reports share. */
final class Figures {

  private Figures() {}

  /** Business hours with one decimal. */
  static double hours(Duration duration) {
    return round1(duration.toMillis() / 3_600_000.0);
  }

  /** {@code part} of {@code whole} as a percentage with one decimal; null when there is no whole. */
  static Double percent(long part, long whole) {
    return whole == 0 ? null : round1(100.0 * part / whole);
  }

  /** The median of sorted values: the middle one, or the mean of the two middle ones; null when empty. */
  static Double median(List<Double> sorted) {
    int n = sorted.size();
    if (n == 0) {
      return null;
    }
    return round1(n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2);
  }

  /**
   * The 90th percentile of sorted values by nearest rank: the smallest value that at least 90 % of the
   * values do not exceed (rank ⌈0.9 n⌉); null when empty.
   */
  static Double p90(List<Double> sorted) {
    int n = sorted.size();
    if (n == 0) {
      return null;
    }
    int rank = (9 * n + 9) / 10;
    return round1(sorted.get(rank - 1));
  }

  static double round1(double value) {
    return Math.round(value * 10) / 10.0;
  }
}
