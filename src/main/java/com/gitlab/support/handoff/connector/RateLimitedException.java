package com.gitlab.support.handoff.connector;

import java.time.Duration;
import java.util.Optional;

/**
 * The system asked us to slow down: HTTP 429, Salesforce's 403 {@code REQUEST_LIMIT_EXCEEDED},
 * Slack's {@code ratelimited}. Carries how long the system asked us to wait ({@code Retry-After}),
 * when it said so; the request had no effect. {@code RateLimitedJobs} postpones the job by that long.
 */
public class RateLimitedException extends ConnectorException {

  private final Duration retryAfter;

  /** @param retryAfter the wait the system asked for; null when it named none */
  public RateLimitedException(ExternalSystem system, String message, Duration retryAfter) {
    super(system, Kind.RATE_LIMITED, true, message, null);
    this.retryAfter = retryAfter;
  }

  /** The wait the system asked for, if it named one. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
