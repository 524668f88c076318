package com.gitlab.support.handoff.connector.slack;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code handoff.slack.*}: an empty base URL means the sandbox records messages instead.
 *
 * @param baseUrl Slack's Web API, https://slack.com/api; empty: the sandbox records messages instead
 * @param botToken the bot's OAuth token, sent as Authorization: Bearer to chat.postMessage
 * @param connectTimeout how long to wait for a connection to Slack
 * @param readTimeout how long to wait for Slack's answer; a retry asks Slack before posting again
 */
@ConfigurationProperties("handoff.slack")
public record SlackProperties(
    String baseUrl,
    String botToken,
    @DefaultValue("PT5S") Duration connectTimeout,
    @DefaultValue("PT15S") Duration readTimeout) {

  public boolean isSandbox() {
    return baseUrl == null || baseUrl.isBlank();
  }

  /** Keeps the bot token out of logs and error pages. */
  @Override
  public String toString() {
    return "SlackProperties[baseUrl=" + baseUrl + ", botToken=" + (botToken == null ? null : "******") + "]";
  }
}
