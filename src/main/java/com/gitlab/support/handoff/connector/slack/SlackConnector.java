package com.gitlab.support.handoff.connector.slack;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Posts to Slack channels; a real Web API client or the sandbox implements it. */
public interface SlackConnector {

  /**
   * Posts {@code text} to {@code channel} (e.g. {@code #support_sales_escalation}) and returns the
   * message ts. The message carries {@code effectKey} in its metadata, for {@link #findMessage}.
   */
  String postMessage(String channel, String text, String effectKey);

  /** The ts of the message posted to {@code channel} since {@code since} with {@code effectKey} in its metadata. */
  Optional<String> findMessage(String channel, String effectKey, Instant since);

  /**
   * R39: the replies in the thread of the message {@code threadTs} in {@code channel} (a name such as
   * {@code #support_sales_escalation} or an id), oldest first, without the message itself, every page.
   */
  List<SlackReply> findReplies(String channel, String threadTs);

  /** R15, R39: the Slack user with this email address, if there is one. */
  Optional<String> findUserIdByEmail(String email);

  /** How long a call may take before it gives up. */
  Duration longestCall();
}
