package com.gitlab.support.handoff.metrics;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the application's own meters (docs/operations.md, "What to monitor").
 *
 * @param cacheFor how long a gauge read from the database (handoffs waiting per escalation level,
 *     incidents per system, the job backlog) keeps its value before the next scrape reads the database
 *     again; default 10 seconds. Zero reads the database on every scrape
 */
@ConfigurationProperties("handoff.metrics")
public record MetricsProperties(Duration cacheFor) {

  public static final Duration DEFAULT_CACHE_FOR = Duration.ofSeconds(10);

  public MetricsProperties {
    if (cacheFor == null) {
      cacheFor = DEFAULT_CACHE_FOR;
    }
    if (cacheFor.isNegative()) {
      throw new IllegalArgumentException("handoff.metrics.cache-for must not be negative, was " + cacheFor);
    }
  }
}
