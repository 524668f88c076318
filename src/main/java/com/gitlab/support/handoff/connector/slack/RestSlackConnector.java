package com.gitlab.support.handoff.connector.slack;

import static com.gitlab.support.handoff.connector.ExternalSystem.SLACK;

import com.fasterxml.jackson.databind.JsonNode;
import com.gitlab.support.handoff.connector.ConnectorException;
import com.gitlab.support.handoff.connector.RemoteCalls;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * Slack's Web API with the bot token: {@code chat.postMessage}, its message metadata carrying the side
 * effect's key; {@code conversations.history} to find that message again after a cut-off attempt
 * ({@code conversations.list} turns a {@code #name} into the channel id it needs);
 * {@code conversations.replies} for the answers in its thread and {@code users.lookupByEmail} to find
 * a person (R39). An {@code ok:false} answer is a failure. Scopes: {@code chat:write},
 * {@code channels:read}, {@code channels:history}, {@code users:read}, {@code users:read.email} (and
 * {@code groups:read}, {@code groups:history} for private channels).
 */
public class RestSlackConnector implements SlackConnector {

  /** The metadata event type of every message this application posts. */
  static final String EVENT_TYPE = "sales_handoff_side_effect";
  private static final MediaType JSON_UTF8 = new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8);
  private static final int MAX_PAGES = 20;
  /** Messages per page; Slack recommends no more than 200. */
  private static final int PAGE_SIZE = 200;
  /** Slack's documented code, and the older spelling some of its docs still show. */
  private static final Set<String> NOBODY_WITH_EMAIL = Set.of("users_not_found", "user_not_found");

  private final RestClient http;
  private final SlackProperties properties;
  private final Map<String, String> channelIds = new ConcurrentHashMap<>();

  public RestSlackConnector(SlackProperties properties) {
    this(properties, RestClient.builder());
  }

  /** @param http Spring Boot's RestClient builder in the application, so every call is timed per system */
  public RestSlackConnector(SlackProperties properties, RestClient.Builder http) {
    if (properties.botToken() == null || properties.botToken().isBlank()) {
      throw new IllegalStateException("handoff.slack.bot-token must be set when handoff.slack.base-url is");
    }
    this.properties = properties;
    this.http = RemoteCalls.restClient(http, SLACK, properties.connectTimeout(), properties.readTimeout())
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
      JsonNode answer = get("conversations.history", Map.of("channel", channelId, "oldest", oldest,
          "include_all_metadata", true, "limit", PAGE_SIZE, "cursor", cursor));
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
    throw ConnectorException.retryable(SLACK, "more than " + MAX_PAGES * PAGE_SIZE + " messages in " + channel
        + " since " + since + ": cannot tell whether the cut-off attempt posted");
  }

  /**
   * R39: the thread's replies from {@code conversations.replies}, every page. Slack puts the parent
   * message first on the first page (and, by some accounts, on later ones too), so it is dropped by
   * its ts wherever it comes; a reply seen twice counts once. Bots' replies are kept, with their bot id.
   */
  @Override
  public List<SlackReply> findReplies(String channel, String threadTs) {
    String channelId = channelId(channel);
    Map<String, SlackReply> replies = new LinkedHashMap<>();
    String cursor = "";
    for (int page = 0; page < MAX_PAGES; page++) {
      JsonNode answer = get("conversations.replies", Map.of("channel", channelId, "ts", threadTs,
          "limit", PAGE_SIZE, "cursor", cursor));
      for (JsonNode message : answer.path("messages")) {
        String ts = message.path("ts").asText("");
        if (!ts.isEmpty() && !ts.equals(threadTs)) {
          replies.putIfAbsent(ts, new SlackReply(ts, textOrNull(message, "user"), textOrNull(message, "bot_id"),
              message.path("text").asText("")));
        }
      }
      cursor = answer.path("response_metadata").path("next_cursor").asText("");
      if (cursor.isEmpty()) {
        return List.copyOf(replies.values());
      }
    }
    throw ConnectorException.retryable(SLACK, "more than " + MAX_PAGES * PAGE_SIZE + " replies to " + threadTs
        + " in " + channel + ": cannot read the whole thread");
  }

  /** R15, R39: {@code users.lookupByEmail}; Slack's {@code users_not_found} means there is nobody. */
  @Override
  public Optional<String> findUserIdByEmail(String email) {
    JsonNode answer = call("users.lookupByEmail", Map.of("email", email));
    if (answer != null && !answer.path("ok").asBoolean(false)
        && NOBODY_WITH_EMAIL.contains(answer.path("error").asText(""))) {
      return Optional.empty();
    }
    requireOk("users.lookupByEmail", answer);
    return Optional.ofNullable(textOrNull(answer.path("user"), "id"));
  }

  private static String textOrNull(JsonNode node, String field) {
    String value = node.path(field).asText("");
    return value.isBlank() ? null : value;
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
      JsonNode answer = get("conversations.list", Map.of("types", "public_channel,private_channel",
          "exclude_archived", true, "limit", 1000, "cursor", cursor));
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

  private JsonNode get(String method, Map<String, ?> parameters) {
    JsonNode answer = call(method, parameters);
    requireOk(method, answer);
    return answer;
  }

  /**
   * One GET of a Web API method. Every parameter goes in as a URI variable, so it is encoded strictly:
   * a {@code +} in an email address or a cursor reaches Slack as {@code %2B}, not as a blank.
   */
  private JsonNode call(String method, Map<String, ?> parameters) {
    return RemoteCalls.call(SLACK, () -> http.get()
        .uri(uri -> {
          uri.path("/" + method);
          parameters.keySet().forEach(name -> uri.queryParam(name, "{" + name + "}"));
          return uri.build(parameters);
        })
        .accept(MediaType.APPLICATION_JSON)
        .retrieve()
        .body(JsonNode.class));
  }

  private static void requireOk(String method, JsonNode answer) {
    if (answer == null || !answer.path("ok").asBoolean(false)) {
      throw RemoteCalls.slackRefused(method, answer == null ? null : answer.path("error").asText(null));
    }
  }
}
