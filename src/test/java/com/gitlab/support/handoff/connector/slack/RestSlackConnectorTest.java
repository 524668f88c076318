package com.gitlab.support.handoff.connector.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.gitlab.support.handoff.connector.ConnectorException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RestSlackConnectorTest {

  private static final String POST_MESSAGE = "/api/chat.postMessage";
  private static final String LIST = "/api/conversations.list";
  private static final String HISTORY = "/api/conversations.history";
  private static final String REPLIES = "/api/conversations.replies";
  private static final String LOOKUP_BY_EMAIL = "/api/users.lookupByEmail";
  private static final String OUR_PING = "1741000000.000200";

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
  @DisplayName("R15: chat.postMessage with the bot token, channel, text and the side effect's key as metadata; the ts comes back")
  void postMessage() {
    slackApi.stubFor(post(POST_MESSAGE).willReturn(okJson(
        "{\"ok\":true,\"channel\":\"C024BE91L\",\"ts\":\"1741000000.000200\",\"message\":{\"text\":\"…\"}}")));

    String ts = slack.postMessage("#support_sales_escalation", "Urgent: ticket 4711 needs the account owner", "effect-1");

    assertThat(ts).isEqualTo("1741000000.000200");
    slackApi.verify(1, postRequestedFor(urlPathEqualTo(POST_MESSAGE))
        .withHeader("Authorization", equalTo("Bearer xoxb-b0t-t0ken"))
        .withHeader("Content-Type", equalTo("application/json;charset=UTF-8"))
        .withRequestBody(equalToJson("""
            {"channel": "#support_sales_escalation", "text": "Urgent: ticket 4711 needs the account owner",
             "metadata": {"event_type": "sales_handoff_side_effect", "event_payload": {"effect_key": "effect-1"}}}""")));
  }

  @Test
  @DisplayName("after a cut-off attempt: the channel's id from conversations.list, then the message with the key in "
      + "conversations.history, page by page")
  void findsThePostedMessageByItsKey() {
    slackApi.stubFor(get(urlPathEqualTo(LIST)).willReturn(okJson("""
        {"ok": true, "channels": [{"id": "C111", "name": "general"}, {"id": "C024BE91L", "name": "support_sales_escalation"}],
         "response_metadata": {"next_cursor": ""}}""")));
    slackApi.stubFor(get(urlPathEqualTo(HISTORY)).withQueryParam("cursor", equalTo("")).willReturn(okJson("""
        {"ok": true, "messages": [
          {"ts": "1741000000.000900", "text": "someone else"},
          {"ts": "1741000000.000500", "text": "ours, another handoff",
           "metadata": {"event_type": "sales_handoff_side_effect", "event_payload": {"effect_key": "effect-2"}}}],
         "has_more": true, "response_metadata": {"next_cursor": "page2"}}""")));
    slackApi.stubFor(get(urlPathEqualTo(HISTORY)).withQueryParam("cursor", equalTo("page2")).willReturn(okJson("""
        {"ok": true, "messages": [
          {"ts": "1741000000.000200", "text": "Urgent: ticket 4711",
           "metadata": {"event_type": "sales_handoff_side_effect", "event_payload": {"effect_key": "effect-1"}}}],
         "has_more": false, "response_metadata": {"next_cursor": ""}}""")));
    Instant attempted = Instant.parse("2026-12-02T09:00:00Z");

    assertThat(slack.findMessage("#support_sales_escalation", "effect-1", attempted)).contains("1741000000.000200");
    assertThat(slack.findMessage("#support_sales_escalation", "effect-3", attempted)).isEmpty();

    slackApi.verify(1, getRequestedFor(urlPathEqualTo(LIST))); // the channel id is remembered
    slackApi.verify(getRequestedFor(urlPathEqualTo(HISTORY)).withQueryParam("channel", equalTo("C024BE91L"))
        .withQueryParam("include_all_metadata", equalTo("true"))
        .withQueryParam("oldest", equalTo(String.valueOf(attempted.minusSeconds(300).getEpochSecond())))
        .withHeader("Authorization", equalTo("Bearer xoxb-b0t-t0ken")));
  }

  @Test
  @DisplayName("after a cut-off attempt: a channel the bot cannot see is refused with its name")
  void unknownChannelWhenLookingForTheMessage() {
    slackApi.stubFor(get(urlPathEqualTo(LIST)).willReturn(okJson("""
        {"ok": true, "channels": [{"id": "C111", "name": "general"}], "response_metadata": {"next_cursor": ""}}""")));

    assertThatThrownBy(() -> slack.findMessage("#support_sales_escalation", "effect-1", Instant.now()))
        .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.isRetryable()).isFalse())
        .hasMessage("Slack: no channel named #support_sales_escalation that the bot can see");
  }

  @Test
  @DisplayName("after a cut-off attempt: a missing scope (ok:false) is refused with the method and Slack's code")
  void historyRefused() {
    slackApi.stubFor(get(urlPathEqualTo(HISTORY)).willReturn(okJson("{\"ok\":false,\"error\":\"missing_scope\"}")));

    assertThatThrownBy(() -> slack.findMessage("C024BE91L", "effect-1", Instant.now()))
        .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.isRetryable()).isFalse())
        .hasMessage("Slack: conversations.history answered ok:false, error missing_scope");
  }

  @Test
  @DisplayName("R39: the replies in our message's thread over two pages, the parent dropped, a bot's reply kept with its bot id")
  void r39_repliesOverTwoPages() {
    slackApi.stubFor(get(urlPathEqualTo(LIST)).willReturn(okJson("""
        {"ok": true, "channels": [{"id": "C024BE91L", "name": "support_sales_escalation", "is_channel": true}],
         "response_metadata": {"next_cursor": ""}}""")));
    slackApi.stubFor(get(urlPathEqualTo(REPLIES)).withQueryParam("cursor", equalTo("")).willReturn(okJson("""
        {"ok": true, "has_more": true,
         "messages": [
           {"type": "message", "subtype": "bot_message", "bot_id": "B0HANDOFF", "text": "Urgent: ticket 4711",
            "ts": "1741000000.000200", "thread_ts": "1741000000.000200", "reply_count": 3,
            "reply_users": ["U061F7AUR", "B0OTHER"], "latest_reply": "1741000900.000400"},
           {"type": "message", "user": "U061F7AUR", "text": "Looking now",
            "ts": "1741000300.000300", "thread_ts": "1741000000.000200", "parent_user_id": "U0HANDOFF"}],
         "response_metadata": {"next_cursor": "bmV4dF90czoxNzQxMDAwOTAw+/="}}""")));
    slackApi.stubFor(get(urlPathEqualTo(REPLIES)).withQueryParam("cursor", equalTo("bmV4dF90czoxNzQxMDAwOTAw+/="))
        .willReturn(okJson("""
        {"ok": true, "has_more": false,
         "messages": [
           {"type": "message", "subtype": "bot_message", "bot_id": "B0HANDOFF", "text": "Urgent: ticket 4711",
            "ts": "1741000000.000200", "thread_ts": "1741000000.000200"},
           {"type": "message", "bot_id": "B0OTHER", "user": "U0REMIND", "text": "Reminder: 24h passed",
            "ts": "1741000600.000350", "thread_ts": "1741000000.000200",
            "bot_profile": {"id": "B0OTHER", "name": "reminders"}},
           {"type": "message", "user": "U061F7AUR", "text": "Called them: Alex is the contact",
            "ts": "1741000900.000400", "thread_ts": "1741000000.000200", "parent_user_id": "U0HANDOFF"}],
         "response_metadata": {"next_cursor": ""}}""")));

    List<SlackReply> replies = slack.findReplies("#support_sales_escalation", OUR_PING);

    assertThat(replies).containsExactly(
        new SlackReply("1741000300.000300", "U061F7AUR", null, "Looking now"),
        new SlackReply("1741000600.000350", "U0REMIND", "B0OTHER", "Reminder: 24h passed"),
        new SlackReply("1741000900.000400", "U061F7AUR", null, "Called them: Alex is the contact"));
    assertThat(replies.get(1).byBot()).isTrue();
    slackApi.verify(2, getRequestedFor(urlPathEqualTo(REPLIES)).withQueryParam("channel", equalTo("C024BE91L"))
        .withQueryParam("ts", equalTo(OUR_PING)).withQueryParam("limit", equalTo("200"))
        .withHeader("Authorization", equalTo("Bearer xoxb-b0t-t0ken")));
    // The cursor goes back strictly encoded: a + in it must not reach Slack as a blank.
    assertThat(slackApi.findAll(getRequestedFor(urlPathEqualTo(REPLIES))))
        .anySatisfy(request -> assertThat(request.getUrl()).contains("cursor=bmV4dF90czoxNzQxMDAwOTAw%2B%2F%3D"));
  }

  @Test
  @DisplayName("R39: a channel id is used as it is, and the channel name the post cached is not looked up again")
  void r39_repliesByChannelId() {
    slackApi.stubFor(post(POST_MESSAGE).willReturn(okJson(
        "{\"ok\":true,\"channel\":\"C024BE91L\",\"ts\":\"1741000000.000200\",\"message\":{\"text\":\"…\"}}")));
    slackApi.stubFor(get(urlPathEqualTo(REPLIES)).willReturn(okJson("""
        {"ok": true, "has_more": false,
         "messages": [{"type": "message", "bot_id": "B0HANDOFF", "text": "Urgent", "ts": "1741000000.000200",
                       "thread_ts": "1741000000.000200"}]}""")));

    assertThat(slack.findReplies("C024BE91L", OUR_PING)).isEmpty();
    slack.postMessage("#support_sales_escalation", "Urgent", "effect-1");
    assertThat(slack.findReplies("#support_sales_escalation", OUR_PING)).isEmpty();

    slackApi.verify(0, getRequestedFor(urlPathEqualTo(LIST)));
    slackApi.verify(2, getRequestedFor(urlPathEqualTo(REPLIES)).withQueryParam("channel", equalTo("C024BE91L")));
  }

  @ParameterizedTest(name = "conversations.replies ok:false with {0} → retryable {1}")
  @CsvSource({
      "thread_not_found, false",
      "channel_not_found, false",
      "not_in_channel, false",
      "missing_scope, false",
      "ratelimited, true"})
  @DisplayName("R39: an ok:false answer to the thread is refused with Slack's code; only its own trouble is retried")
  void r39_repliesRefused(String error, boolean retryable) {
    slackApi.stubFor(get(urlPathEqualTo(REPLIES)).willReturn(okJson("{\"ok\":false,\"error\":\"" + error + "\"}")));

    assertThatThrownBy(() -> slack.findReplies("C024BE91L", OUR_PING))
        .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.isRetryable()).isEqualTo(retryable))
        .hasMessage("Slack: conversations.replies answered ok:false, error " + error);
  }

  @Test
  @DisplayName("R39: HTTP 429 on the thread is retryable and the message carries Retry-After")
  void r39_repliesRateLimited() {
    slackApi.stubFor(get(urlPathEqualTo(REPLIES)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")
        .withHeader("Content-Type", "application/json").withBody("{\"ok\":false,\"error\":\"ratelimited\"}")));

    assertThatThrownBy(() -> slack.findReplies("C024BE91L", OUR_PING))
        .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.isRetryable()).isTrue())
        .hasMessage("Slack: HTTP 429 Too Many Requests on GET /api/conversations.replies: ratelimited (Retry-After: 30 s)");
  }

  @Test
  @DisplayName("R15, R39: users.lookupByEmail finds the person's Slack id; the address is sent as written")
  void r39_userByEmail() {
    slackApi.stubFor(get(urlPathEqualTo(LOOKUP_BY_EMAIL)).willReturn(okJson("""
        {"ok": true, "user": {"id": "W012A3CDE", "team_id": "T012AB3C4", "name": "jane", "deleted": false,
         "real_name": "Jane Owner", "is_bot": false,
         "profile": {"real_name": "Jane Owner", "display_name": "jane", "email": "jane+sales@gitlab.example"}}}""")));

    assertThat(slack.findUserIdByEmail("jane+sales@gitlab.example")).contains("W012A3CDE");
    assertThat(slackApi.findAll(getRequestedFor(urlPathEqualTo(LOOKUP_BY_EMAIL))).get(0).getUrl())
        .endsWith("?email=jane%2Bsales%40gitlab.example");
    slackApi.verify(getRequestedFor(urlPathEqualTo(LOOKUP_BY_EMAIL))
        .withHeader("Authorization", equalTo("Bearer xoxb-b0t-t0ken")));
  }

  @Test
  @DisplayName("R15, R39: nobody in Slack with that email (users_not_found) is no one, not a failure")
  void r39_noUserWithEmail() {
    slackApi.stubFor(get(urlPathEqualTo(LOOKUP_BY_EMAIL)).willReturn(okJson("{\"ok\":false,\"error\":\"users_not_found\"}")));

    assertThat(slack.findUserIdByEmail("left@gitlab.example")).isEmpty();
  }

  @Test
  @DisplayName("R15, R39: a missing users:read.email scope is refused with Slack's code")
  void r39_lookupWithoutScope() {
    slackApi.stubFor(get(urlPathEqualTo(LOOKUP_BY_EMAIL)).willReturn(okJson(
        "{\"ok\":false,\"error\":\"missing_scope\",\"needed\":\"users:read.email\",\"provided\":\"chat:write\"}")));

    assertThatThrownBy(() -> slack.findUserIdByEmail("jane@gitlab.example"))
        .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.isRetryable()).isFalse())
        .hasMessage("Slack: users.lookupByEmail answered ok:false, error missing_scope");
  }

  @Test
  @DisplayName("an answer without a ts: posted but unknown, so a person looks before anything is posted again")
  void okWithoutTs() {
    slackApi.stubFor(post(POST_MESSAGE).willReturn(okJson("{\"ok\":true,\"channel\":\"C024BE91L\"}")));

    assertThatThrownBy(() -> slack.postMessage("#support_sales_escalation", "hello", "effect-1"))
        .isInstanceOfSatisfying(ConnectorException.class, e -> {
          assertThat(e.isRetryable()).isFalse();
          assertThat(e.hadNoEffect()).isFalse();
        });
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

    assertThatThrownBy(() -> slack.postMessage("#nowhere", "hello", "effect-1"))
        .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.isRetryable()).isEqualTo(retryable))
        .hasMessage("Slack: chat.postMessage answered ok:false, error " + error)
        .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.hadNoEffect()).isTrue());
  }

  @Test
  @DisplayName("HTTP 429 is retryable and the message carries Retry-After")
  void rateLimited() {
    slackApi.stubFor(post(POST_MESSAGE).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")
        .withHeader("Content-Type", "application/json").withBody("{\"ok\":false,\"error\":\"ratelimited\"}")));

    assertThatThrownBy(() -> slack.postMessage("#support_sales_escalation", "hello", "effect-1"))
        .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.isRetryable()).isTrue())
        .hasMessage("Slack: HTTP 429 Too Many Requests on POST /api/chat.postMessage: ratelimited (Retry-After: 1 s)");
  }

  @Test
  @DisplayName("nobody listening: retryable, and the incident says the connection was refused")
  void connectionRefused() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    RestSlackConnector nowhere = new RestSlackConnector(new SlackProperties("http://127.0.0.1:" + closedPort + "/api",
        "xoxb-b0t-t0ken", Duration.ofSeconds(2), Duration.ofSeconds(2)));

    assertThatThrownBy(() -> nowhere.postMessage("#support_sales_escalation", "hello", "effect-1"))
        .isInstanceOfSatisfying(ConnectorException.class, e -> {
          assertThat(e.isRetryable()).isTrue();
          assertThat(e.hadNoEffect()).as("no answer: a retry asks first").isFalse();
        })
        .hasMessage("Slack: no answer (connection refused)");
  }

  @Test
  @DisplayName("a 5xx is retryable")
  void serverError() {
    slackApi.stubFor(post(POST_MESSAGE).willReturn(aResponse().withStatus(500)));

    assertThatThrownBy(() -> slack.postMessage("#support_sales_escalation", "hello", "effect-1"))
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
