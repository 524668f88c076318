package com.gitlab.support.handoff.events;

import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code zendesk_event_received} small: Zendesk redelivers a webhook for a few hours at most,
 * so an event id older than {@link #KEEP} will not come again. Runs hourly on every node; the deletes
 * of two nodes do not clash.
 */
@Component
public class ReceivedEventsCleanup {

  private static final Logger LOG = LoggerFactory.getLogger(ReceivedEventsCleanup.class);
  static final Duration KEEP = Duration.ofDays(30);

  private final ReceivedEvents received;

  public ReceivedEventsCleanup(ReceivedEvents received) {
    this.received = received;
  }

  @Scheduled(initialDelayString = "PT15M", fixedDelayString = "PT1H")
  public void hourly() {
    int removed = removeExpired(Instant.now());
    if (removed > 0) {
      LOG.info("Removed {} Zendesk event ids received more than {} days ago", removed, KEEP.toDays());
    }
  }

  /** Removes the ids received more than {@link #KEEP} before {@code now}; returns how many. */
  public int removeExpired(Instant now) {
    return received.forgetReceivedBefore(now.minus(KEEP));
  }
}
