package com.gitlab.support.handoff.connector.slack;

import static com.gitlab.support.handoff.connector.ExternalSystem.SLACK;

import com.fasterxml.jackson.databind.JsonNode;
import com.gitlab.support.handoff.connector.ConnectorException;
import com.gitlab.support.handoff.connector.RemoteCalls;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/** Slack's Web API {@code chat.postMessage} with the bot token; an {@code ok:false} answer is a failure. */
public class RestSlackConnector implements SlackConnector {

  private static final MediaType JSON_UTF8 = new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8);

  private final RestClient http;

  public RestSlackConnector(SlackProperties properties) {
    if (properties.botToken() == null || properties.botToken().isBlank()) {
      throw new IllegalStateException("handoff.slack.bot-token must be set when handoff.slack.base-url is");
    }
    this.http = RemoteCalls.restClient(SLACK, properties.connectTimeout(), properties.readTimeout())
        .baseUrl(properties.baseUrl())
        .defaultHeaders(headers -> headers.setBearerAuth(properties.botToken()))
        .build();
  }

  @Override
  public String postMessage(String channel, String text) {
    JsonNode answer = RemoteCalls.call(SLACK, () -> http.post()
        .uri("/chat.postMessage")
        .contentType(JSON_UTF8)
        .accept(MediaType.APPLICATION_JSON)
        .body(Map.of("channel", channel, "text", text))
        .retrieve()
        .body(JsonNode.class));
    if (answer == null || !answer.path("ok").asBoolean(false)) {
      throw RemoteCalls.slackRefused(answer == null ? null : answer.path("error").asText(null));
    }
    String ts = answer.path("ts").asText(null);
    if (ts == null) {
      throw ConnectorException.rejected(SLACK, "chat.postMessage answered ok:true without a message ts");
    }
    return ts;
  }
}
