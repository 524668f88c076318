package com.gitlab.support.handoff.connector.sandbox;

import com.gitlab.support.handoff.connector.ExternalSystem;
import com.gitlab.support.handoff.connector.slack.SlackConnector;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import com.gitlab.support.handoff.connector.slack.SlackReply;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** Records Slack messages in the outbox instead of posting them. */
public class SandboxSlackConnector implements SlackConnector {

  private final Outbox outbox;
  private final SandboxCrm crm;
  private final SandboxReplies replies;

  public SandboxSlackConnector(Outbox outbox, SandboxCrm crm, SandboxReplies replies) {
    this.outbox = outbox;
    this.crm = crm;
    this.replies = replies;
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
  public List<SlackReply> findReplies(String channel, String threadTs) {
    return replies.on(ExternalSystem.SLACK, SandboxReplies.slackThread(channel, threadTs)).stream()
        .map(reply -> new SlackReply(String.format("%d.%06d", reply.at().getEpochSecond(), reply.id() % 1_000_000),
            reply.authorId(), null, reply.text()))
        .toList();
  }

  /** In the sandbox a person's Slack user id is their Salesforce user id (found by the CRM file's email). */
  @Override
  public Optional<String> findUserIdByEmail(String email) {
    return crm.users().stream().filter(user -> email != null && email.equalsIgnoreCase(user.email()))
        .map(SandboxCrm.User::id).findFirst();
  }

  @Override
  public Duration longestCall() {
    return Outbox.LONGEST_CALL;
  }
}
