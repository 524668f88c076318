package com.gitlab.support.handoff.connector.slack;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code handoff.slack.*}: an empty base URL means the sandbox records messages instead. */
@ConfigurationProperties("handoff.slack")
public record SlackProperties(String baseUrl, String botToken) {

  public boolean isSandbox() {
    return baseUrl == null || baseUrl.isBlank();
  }
}
