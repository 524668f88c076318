package com.gitlab.support.handoff.connector.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.gitlab.support.handoff.connector.ConnectorException;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RestSlackConnectorTest {

  private static final String POST_MESSAGE = "/api/chat.postMessage";

  @RegisterExtension
  static WireMockExtension slackApi = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private RestSlackConnector slack;

  @BeforeEach
  void connectToWireMock() {
    // The real base URL is https://slack.com/api; the path under it must be kept.
    slack = new RestSlackConnector(new SlackProperties(slackApi.baseUrl() + "/api", "xoxb-b0t-t0ken",
        Duration.ofSeconds(2), Duration.ofSeconds(5)));
  }

  @Test
  @DisplayName("R15: chat.postMessage with the bot token and channel + text; the message ts comes back")
  void postMessage() {
    slackApi.stubFor(post(POST_MESSAGE).willReturn(okJson(
        "{\"ok\":true,\"channel\":\"C024BE91L\",\"ts\":\"1741000000.000200\",\"message\":{\"text\":\"…\"}}")));

    String ts = slack.postMessage("#support_sales_escalation", "Urgent: ticket 4711 needs the account owner");

    assertThat(ts).isEqualTo("1741000000.000200");
    slackApi.verify(1, postRequestedFor(urlPathEqualTo(POST_MESSAGE))
        .withHeader("Authorization", equalTo("Bearer xoxb-b0t-t0ken"))
        .withHeader("Content-Type", equalTo("application/json;charset=UTF-8"))
        .withRequestBody(equalToJson("""
            {"channel": "#support_sales_escalation", "text": "Urgent: ticket 4711 needs the account owner"}""")));
  }

  @ParameterizedTest(name = "ok:false with {0} → retryable {1}")
  @CsvSource({
      "channel_not_found, false",
      "not_in_channel, false",
      "invalid_auth, false",
      "ratelimited, true",
      "internal_error, true"})
  @DisplayName("an ok:false answer is a failure; only rate limits and Slack's own errors are retried")
  void okFalse(String error, boolean retryable) {
    slackApi.stubFor(post(POST_MESSAGE).willReturn(okJson("{\"ok\":false,\"error\":\"" + error + "\"}")));

    assertThatThrownBy(() -> slack.postMessage("#nowhere", "hello"))
        .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.isRetryable()).isEqualTo(retryable))
        .hasMessage("Slack: chat.postMessage answered ok:false, error " + error);
  }

  @Test
  @DisplayName("HTTP 429 is retryable and the message carries Retry-After")
  void rateLimited() {
    slackApi.stubFor(post(POST_MESSAGE).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")
        .withHeader("Content-Type", "application/json").withBody("{\"ok\":false,\"error\":\"ratelimited\"}")));

    assertThatThrownBy(() -> slack.postMessage("#support_sales_escalation", "hello"))
        .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.isRetryable()).isTrue())
        .hasMessage("Slack: HTTP 429 Too Many Requests on POST /api/chat.postMessage: ratelimited (Retry-After: 1 s)");
  }

  @Test
  @DisplayName("a 5xx is retryable")
  void serverError() {
    slackApi.stubFor(post(POST_MESSAGE).willReturn(aResponse().withStatus(500)));

    assertThatThrownBy(() -> slack.postMessage("#support_sales_escalation", "hello"))
        .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.isRetryable()).isTrue())
        .hasMessage("Slack: HTTP 500 Internal Server Error on POST /api/chat.postMessage");
  }

  @Test
  @DisplayName("start-up fails without a bot token")
  void requiresToken() {
    assertThatThrownBy(() -> new RestSlackConnector(new SlackProperties(slackApi.baseUrl(), "", null, null)))
        .hasMessage("handoff.slack.bot-token must be set when handoff.slack.base-url is");
  }
}
