package com.gitlab.support.handoff.connector.slack;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code handoff.slack.*}: an empty base URL means the sandbox records messages instead. */
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
