package com.gitlab.support.handoff.connector.slack;

import static com.gitlab.support.handoff.connector.ExternalSystem.SLACK;

import com.fasterxml.jackson.databind.JsonNode;
import com.gitlab.support.handoff.connector.ConnectorException;
import com.gitlab.support.handoff.connector.RemoteCalls;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;

/**
 * Slack's Web API with the bot token: {@code chat.postMessage}, its message metadata carrying the side
 * effect's key; {@code conversations.history} to find that message again after a cut-off attempt
 * ({@code conversations.list} turns a {@code #name} into the channel id it needs). An {@code ok:false}
 * answer is a failure. Scopes: {@code chat:write}, {@code channels:read}, {@code channels:history}
 * (and the {@code groups:} ones for private channels).
 */
public class RestSlackConnector implements SlackConnector {

  /** The metadata event type of every message this application posts. */
  static final String EVENT_TYPE = "sales_handoff_side_effect";
  private static final MediaType JSON_UTF8 = new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8);
  private static final int MAX_PAGES = 20;

  private final RestClient http;
  private final SlackProperties properties;
  private final Map<String, String> channelIds = new ConcurrentHashMap<>();

  public RestSlackConnector(SlackProperties properties) {
    if (properties.botToken() == null || properties.botToken().isBlank()) {
      throw new IllegalStateException("handoff.slack.bot-token must be set when handoff.slack.base-url is");
    }
    this.properties = properties;
    this.http = RemoteCalls.restClient(SLACK, properties.connectTimeout(), properties.readTimeout())
        .baseUrl(properties.baseUrl())
        .defaultHeaders(headers -> headers.setBearerAuth(properties.botToken()))
        .build();
  }

  @Override
  public String postMessage(String channel, String text, String effectKey) {
    JsonNode answer = RemoteCalls.call(SLACK, () -> http.post()
        .uri("/chat.postMessage")
        .contentType(JSON_UTF8)
        .accept(MediaType.APPLICATION_JSON)
        .body(Map.of("channel", channel, "text", text,
            "metadata", Map.of("event_type", EVENT_TYPE, "event_payload", Map.of("effect_key", effectKey))))
        .retrieve()
        .body(JsonNode.class));
    requireOk("chat.postMessage", answer);
    String ts = answer.path("ts").asText(null);
    if (ts == null) {
      // Posted, but we cannot say which message it is: a person looks before anything is posted again.
      throw new ConnectorException(SLACK, false, false, "chat.postMessage answered ok:true without a message ts", null);
    }
    channelIds.putIfAbsent(channel, answer.path("channel").asText(channel));
    return ts;
  }

  @Override
  public Optional<String> findMessage(String channel, String effectKey, Instant since) {
    String channelId = channelId(channel);
    String oldest = String.valueOf(since.minus(RemoteCalls.CLOCK_SKEW).getEpochSecond());
    String cursor = "";
    for (int page = 0; page < MAX_PAGES; page++) {
      String from = cursor;
      JsonNode answer = get("conversations.history", uri -> uri.queryParam("channel", channelId)
          .queryParam("oldest", oldest).queryParam("include_all_metadata", true).queryParam("limit", 200)
          .queryParam("cursor", from));
      for (JsonNode message : answer.path("messages")) {
        JsonNode metadata = message.path("metadata");
        if (EVENT_TYPE.equals(metadata.path("event_type").asText())
            && effectKey.equals(metadata.path("event_payload").path("effect_key").asText())) {
          return Optional.of(message.path("ts").asText());
        }
      }
      cursor = answer.path("response_metadata").path("next_cursor").asText("");
      if (cursor.isEmpty()) {
        return Optional.empty();
      }
    }
    throw ConnectorException.retryable(SLACK, "more than " + MAX_PAGES * 200 + " messages in " + channel
        + " since " + since + ": cannot tell whether the cut-off attempt posted");
  }

  /** A look-up and the post, each within the timeouts. */
  @Override
  public Duration longestCall() {
    return properties.connectTimeout().plus(properties.readTimeout()).multipliedBy(2);
  }

  /** A channel id as it is, a {@code #name} looked up once in {@code conversations.list}. */
  private String channelId(String channel) {
    if (!channel.startsWith("#")) {
      return channel;
    }
    String known = channelIds.get(channel);
    if (known != null && !known.startsWith("#")) {
      return known;
    }
    String name = channel.substring(1);
    String cursor = "";
    for (int page = 0; page < MAX_PAGES; page++) {
      String from = cursor;
      JsonNode answer = get("conversations.list", uri -> uri.queryParam("types", "public_channel,private_channel")
          .queryParam("exclude_archived", true).queryParam("limit", 1000).queryParam("cursor", from));
      for (JsonNode found : answer.path("channels")) {
        if (name.equals(found.path("name").asText())) {
          channelIds.put(channel, found.path("id").asText());
          return found.path("id").asText();
        }
      }
      cursor = answer.path("response_metadata").path("next_cursor").asText("");
      if (cursor.isEmpty()) {
        break;
      }
    }
    throw ConnectorException.rejected(SLACK, "no channel named " + channel + " that the bot can see");
  }

  private JsonNode get(String method, Function<UriBuilder, UriBuilder> parameters) {
    JsonNode answer = RemoteCalls.call(SLACK, () -> http.get()
        .uri(uri -> parameters.apply(uri.path("/" + method)).build())
        .accept(MediaType.APPLICATION_JSON)
        .retrieve()
        .body(JsonNode.class));
    requireOk(method, answer);
    return answer;
  }

  private static void requireOk(String method, JsonNode answer) {
    if (answer == null || !answer.path("ok").asBoolean(false)) {
      throw RemoteCalls.slackRefused(method, answer == null ? null : answer.path("error").asText(null));
    }
  }

  @Override
  public java.util.List<SlackReply> findReplies(String channel, String threadTs) {
    throw new UnsupportedOperationException("LISTENING-PLACEHOLDER: conversations.replies not implemented yet");
  }

  @Override
  public Optional<String> findUserIdByEmail(String email) {
    throw new UnsupportedOperationException("LISTENING-PLACEHOLDER: users.lookupByEmail not implemented yet");
  }
}
