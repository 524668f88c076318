package com.gitlab.support.handoff.connector.sandbox;

import com.gitlab.support.handoff.connector.ExternalSystem;
import com.gitlab.support.handoff.connector.slack.SlackConnector;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** Records Slack messages in the outbox instead of posting them. */
public class SandboxSlackConnector implements SlackConnector {

  private final Outbox outbox;

  public SandboxSlackConnector(Outbox outbox) {
    this.outbox = outbox;
  }

  @Override
  public String postMessage(String channel, String text, String effectKey) {
    long micros = ClockUtil.getCurrentTime().getTime() * 1000 + System.nanoTime() % 1000;
    String ts = String.format("%d.%06d", micros / 1_000_000, micros % 1_000_000);
    outbox.record(ExternalSystem.SLACK, "SLACK_MESSAGE", channel, text, effectKey, ts);
    return ts;
  }

  @Override
  public Optional<String> findMessage(String channel, String effectKey, Instant since) {
    return outbox.find(effectKey);
  }

  @Override
  public Duration longestCall() {
    return Outbox.LONGEST_CALL;
  }
}
