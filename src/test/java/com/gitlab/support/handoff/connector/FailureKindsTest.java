package com.gitlab.support.handoff.connector;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.gitlab.support.handoff.connector.ConnectorException.Kind;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.web.client.RestClient;

/**
 * Issue #16: how the shared HTTP plumbing ({@link RemoteCalls}) tells a rate limit (with the wait the
 * system asked for) from a system that looks down and from a refusal, against a real HTTP server.
 * The messages stay what incidents showed before.
 */
class FailureKindsTest {

  @RegisterExtension
  static WireMockExtension remote = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @Test
  @DisplayName("HTTP 429 with Retry-After in seconds (Zendesk, Slack): a rate limit that names its wait")
  void tooManyRequestsWithSeconds() {
    RateLimitedException limit = failing(ExternalSystem.ZENDESK, "/api/v2/tickets/4711.json",
        aResponse().withStatus(429).withHeader("Retry-After", "120"), RateLimitedException.class);

    assertThat(limit.kind()).isEqualTo(Kind.RATE_LIMITED);
    assertThat(limit.retryAfter()).contains(Duration.ofSeconds(120));
    assertThat(limit.hadNoEffect()).isTrue();
    assertThat(limit).hasMessage("Zendesk: HTTP 429 Too Many Requests on GET /api/v2/tickets/4711.json (Retry-After: 120 s)");
  }

  @Test
  @DisplayName("HTTP 429 with Retry-After as an HTTP-date: the wait counts from the answer's Date")
  void tooManyRequestsWithDate() {
    RateLimitedException limit = failing(ExternalSystem.SLACK, "/api/chat.postMessage", aResponse().withStatus(429)
        .withHeader("Date", "Wed, 02 Dec 2026 10:00:00 GMT")
        .withHeader("Retry-After", "Wed, 02 Dec 2026 10:02:30 GMT"), RateLimitedException.class);

    assertThat(limit.retryAfter()).contains(Duration.ofSeconds(150));
    assertThat(limit).hasMessage(
        "Slack: HTTP 429 Too Many Requests on GET /api/chat.postMessage (Retry-After: Wed, 02 Dec 2026 10:02:30 GMT)");
  }

  @Test
  @DisplayName("Salesforce's 403 REQUEST_LIMIT_EXCEEDED, without a header: a rate limit whose wait is the default")
  void salesforceRequestLimit() {
    RateLimitedException limit = failing(ExternalSystem.SALESFORCE, "/services/data/v65.0/query",
        aResponse().withStatus(403).withHeader("Content-Type", "application/json")
            .withBody("[{\"message\":\"TotalRequests Limit exceeded.\",\"errorCode\":\"REQUEST_LIMIT_EXCEEDED\"}]"),
        RateLimitedException.class);

    assertThat(limit.retryAfter()).isEmpty();
    assertThat(limit).hasMessage("Salesforce: HTTP 403 Forbidden on GET /services/data/v65.0/query: "
        + "REQUEST_LIMIT_EXCEEDED: TotalRequests Limit exceeded.");
  }

  @Test
  @DisplayName("another 403 is a refusal, for a person")
  void otherForbidden() {
    ConnectorException refused = failing(ExternalSystem.SALESFORCE, "/services/data/v65.0/query",
        aResponse().withStatus(403).withHeader("Content-Type", "application/json")
            .withBody("[{\"message\":\"no access\",\"errorCode\":\"INSUFFICIENT_ACCESS\"}]"), ConnectorException.class);

    assertThat(refused).isNotInstanceOf(RateLimitedException.class);
    assertThat(refused.kind()).isEqualTo(Kind.REFUSED);
    assertThat(refused.isRetryable()).isFalse();
  }

  @Test
  @DisplayName("5xx and 408: the system may be down; 409 is worth a retry but says nothing about its health")
  void serverErrors() {
    assertThat(failing(ExternalSystem.ZENDESK, "/a", aResponse().withStatus(503), ConnectorException.class).kind())
        .isEqualTo(Kind.UNAVAILABLE);
    assertThat(failing(ExternalSystem.ZENDESK, "/b", aResponse().withStatus(502), ConnectorException.class).kind())
        .isEqualTo(Kind.UNAVAILABLE);
    assertThat(failing(ExternalSystem.ZENDESK, "/c", aResponse().withStatus(408), ConnectorException.class).kind())
        .isEqualTo(Kind.UNAVAILABLE);
    ConnectorException conflict = failing(ExternalSystem.ZENDESK, "/d", aResponse().withStatus(409), ConnectorException.class);
    assertThat(conflict.kind()).isEqualTo(Kind.TRANSIENT);
    assertThat(conflict.isRetryable()).isTrue();
  }

  @Test
  @DisplayName("nobody listening: the system may be down")
  void connectionRefused() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    RestClient http = RemoteCalls.restClient(ExternalSystem.ZENDESK, Duration.ofSeconds(2), Duration.ofSeconds(2)).build();

    ConnectorException down = catchThrowableOfType(ConnectorException.class, () -> RemoteCalls.call(ExternalSystem.ZENDESK,
        () -> http.get().uri("http://127.0.0.1:" + closedPort + "/api/v2/tickets/1.json").retrieve().body(JsonNode.class)));

    assertThat(down.kind()).isEqualTo(Kind.UNAVAILABLE);
    assertThat(down).hasMessage("Zendesk: no answer (connection refused)");
  }

  @Test
  @DisplayName("Slack's ok:false: ratelimited is a rate limit without a wait, its server errors look like an outage, "
      + "the rest are refusals")
  void slackErrors() {
    ConnectorException ratelimited = RemoteCalls.slackRefused("chat.postMessage", "ratelimited");
    assertThat(ratelimited).isInstanceOfSatisfying(RateLimitedException.class,
        limit -> assertThat(limit.retryAfter()).isEmpty());
    assertThat(ratelimited).hasMessage("Slack: chat.postMessage answered ok:false, error ratelimited");
    assertThat(RemoteCalls.slackRefused("chat.postMessage", "internal_error").kind()).isEqualTo(Kind.UNAVAILABLE);
    assertThat(RemoteCalls.slackRefused("chat.postMessage", "channel_not_found").kind()).isEqualTo(Kind.REFUSED);
  }

  private static <T extends ConnectorException> T failing(ExternalSystem system, String path,
      ResponseDefinitionBuilder answer, Class<T> type) {
    remote.stubFor(get(path).willReturn(answer));
    RestClient http = RemoteCalls.restClient(system, Duration.ofSeconds(2), Duration.ofSeconds(5))
        .baseUrl(remote.baseUrl()).build();
    T failure = catchThrowableOfType(type,
        () -> RemoteCalls.call(system, () -> http.get().uri(path).retrieve().body(JsonNode.class)));
    assertThat(failure).as("the call to %s fails with a %s", path, type.getSimpleName()).isNotNull();
    return failure;
  }
}
