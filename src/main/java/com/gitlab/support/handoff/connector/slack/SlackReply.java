package com.gitlab.support.handoff.connector.slack;

/**
 * A reply in the thread of one of our Slack messages (R39).
 *
 * @param ts the reply's ts (Slack's id and time of a message, seconds.micros since the epoch)
 * @param userId the Slack user who wrote it; null for a message of a bot
 * @param botId set when a bot (our own app included) wrote it
 * @param text what they wrote
 */
public record SlackReply(String ts, String userId, String botId, String text) {

  public boolean byBot() {
    return botId != null && !botId.isBlank();
  }
}
