package com.gitlab.support.handoff.jobs;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code handoff.jobs.*}: how long jobs wait for a rate limit or an outage without spending the retries
 * of their retry cycle ({@code failed-job-retry-time-cycle}), and when that stops, so that a system
 * that never recovers still ends in an incident. See docs/operations.md, "Rate limits and outages".
 */
@Validated
@ConfigurationProperties("handoff.jobs")
public record FailedJobProperties(@Valid @DefaultValue RateLimits rateLimits, @Valid @DefaultValue Outages outages) {

  /**
   * @param defaultWait how long to wait when the system names no wait (Salesforce's
   *     REQUEST_LIMIT_EXCEEDED, Slack's ratelimited without a header)
   * @param maxTotalWait how long after its first rate limit a job is still postponed without spending
   *     a retry; later rate limits count like any other failure
   * @param maxPostponements how many times a job is postponed at most, so that a system asking for
   *     very short waits does not keep a job going for the whole max-total-wait
   */
  public record RateLimits(
      @NotNull @DefaultValue("PT5M") Duration defaultWait,
      @NotNull @DefaultValue("PT6H") Duration maxTotalWait,
      @Min(0) @DefaultValue("100") int maxPostponements) {}

  /**
   * @param failuresToPark this many failures of one system within the window (connection refused,
   *     timeouts, 5xx) and the system counts as down: it is parked
   * @param window the time in which failures-to-park failures of one system park it
   * @param probeInterval how long a parked system rests at first; then its jobs run again and probe it
   * @param maxProbeInterval each failed probe doubles the rest, up to this
   * @param maxParking how long after it was first parked a job is still parked without spending a
   *     retry; after that the retry cycle applies and the job ends in an incident
   */
  public record Outages(
      @Min(1) @DefaultValue("5") int failuresToPark,
      @NotNull @DefaultValue("PT2M") Duration window,
      @NotNull @DefaultValue("PT2M") Duration probeInterval,
      @NotNull @DefaultValue("PT15M") Duration maxProbeInterval,
      @NotNull @DefaultValue("PT4H") Duration maxParking) {}
}
