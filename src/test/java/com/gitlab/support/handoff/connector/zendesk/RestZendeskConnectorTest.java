package com.gitlab.support.handoff.connector.zendesk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.BasicCredentials;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.gitlab.support.handoff.connector.ConnectorException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RestZendeskConnectorTest {

  private static final String TICKET = "/api/v2/tickets/4711.json";

  @RegisterExtension
  static WireMockExtension zendeskApi = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private RestZendeskConnector zendesk;

  @BeforeEach
  void connectToWireMock() {
    zendesk = new RestZendeskConnector(properties(zendeskApi.baseUrl()));
    zendeskApi.stubFor(put(TICKET).willReturn(okJson("{\"ticket\":{\"id\":4711},\"audit\":{\"id\":1}}")));
  }

  @Test
  @DisplayName("R8, R17: status, assignee, Escalated to sales, cc and a public reply go in one update, with token basic auth")
  void oneUpdate() {
    zendesk.updateTicket(new TicketUpdate("4711", "pending", "sam@gitlab.com", true,
        "We have passed your request to your account team.", null, List.of("tom.tam@gitlab.com")), "effect-1");

    zendeskApi.verify(1, putRequestedFor(urlPathEqualTo(TICKET)));
    zendeskApi.verify(putRequestedFor(urlPathEqualTo(TICKET))
        .withBasicAuth(new BasicCredentials("api@gitlab.com/token", "zd-t0ken"))
        .withHeader("Content-Type", equalTo("application/json"))
        .withRequestBody(equalToJson("""
            {"ticket": {"status": "pending", "assignee_email": "sam@gitlab.com",
             "custom_fields": [{"id": 360001234567, "value": true}],
             "email_ccs": [{"user_email": "tom.tam@gitlab.com", "action": "put"}],
             "comment": {"body": "We have passed your request to your account team.", "public": true}}}""")));
  }

  @Test
  @DisplayName("after a cut-off attempt: the update was made when the ticket has its last comment since then")
  void findsUpdateByItsLastComment() {
    zendeskApi.stubFor(get(urlPathEqualTo("/api/v2/tickets/4711/comments.json")).withQueryParam("sort_order", equalTo("desc"))
        .willReturn(okJson("""
            {"comments": [
              {"id": 3, "created_at": "2026-12-02T09:00:05Z", "public": true,
               "plain_body": "We have passed your request\\nto your account team.", "body": "…"},
              {"id": 2, "created_at": "2026-12-01T08:00:00Z", "public": true, "plain_body": "An old reply."}]}""")));
    Instant attempted = Instant.parse("2026-12-02T09:00:00Z");

    assertThat(zendesk.hasUpdate(new TicketUpdate("4711", "pending", null, true,
        "We have passed your request to your account team.", "Passed to Sales", null), "effect-1", attempted)).isTrue();
    assertThat(zendesk.hasUpdate(new TicketUpdate("4711", null, null, null, "An old reply.", null, null),
        "effect-2", attempted)).as("made before the attempt").isFalse();
    assertThat(zendesk.hasUpdate(new TicketUpdate("4711", "pending", null, true, null, null, null),
        "effect-3", attempted)).as("fields only: repeated harmlessly, never looked up").isFalse();
    zendeskApi.verify(2, getRequestedFor(urlPathEqualTo("/api/v2/tickets/4711/comments.json")));
  }

  @Test
  @DisplayName("R9: a note and a reply are two updates, the note (with the fields) first, the reply last")
  void noteAndReply() {
    zendesk.updateTicket(new TicketUpdate("4711", "pending", null, true,
        "Your account team will contact you.", "Chatter: https://acme.my.salesforce.com/0D5FE1", List.of()), "effect-1");

    List<LoggedRequest> puts = zendeskApi.findAll(putRequestedFor(urlPathEqualTo(TICKET)));
    assertThat(puts).hasSize(2);
    assertThat(puts.get(0).getBodyAsString()).satisfies(body -> assertThat(equalToJson("""
        {"ticket": {"status": "pending", "custom_fields": [{"id": 360001234567, "value": true}],
         "comment": {"body": "Chatter: https://acme.my.salesforce.com/0D5FE1", "public": false}}}""")
        .match(body).isExactMatch()).isTrue());
    assertThat(puts.get(1).getBodyAsString()).satisfies(body -> assertThat(equalToJson("""
        {"ticket": {"comment": {"body": "Your account team will contact you.", "public": true}}}""")
        .match(body).isExactMatch()).isTrue());
  }

  @Test
  @DisplayName("an internal note alone is a private comment")
  void internalNote() {
    zendesk.updateTicket(new TicketUpdate("4711", null, null, null, null, "Renewal owner: Ria Renewals", null), "effect-1");

    zendeskApi.verify(1, putRequestedFor(urlPathEqualTo(TICKET))
        .withRequestBody(equalToJson("{\"ticket\": {\"comment\": {\"body\": \"Renewal owner: Ria Renewals\", \"public\": false}}}")));
  }

  @Test
  @DisplayName("a 422 validation error is refused with Zendesk's error, description and details")
  void validationError() {
    zendeskApi.stubFor(put(TICKET).willReturn(aResponse().withStatus(422).withHeader("Content-Type", "application/json")
        .withBody("""
            {"error": "RecordInvalid", "description": "Record validation errors",
             "details": {"assignee": [{"description": "Assignee: sam@gitlab.com is not an agent", "error": "InvalidValue"}]}}""")));

    assertThatThrownBy(() -> zendesk.updateTicket(new TicketUpdate("4711", null, "sam@gitlab.com", null, null, null, null), "effect-1"))
        .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.isRetryable()).isFalse())
        .hasMessage("Zendesk: HTTP 422 Unprocessable Entity on PUT /api/v2/tickets/4711.json: RecordInvalid: "
            + "Record validation errors (assignee: Assignee: sam@gitlab.com is not an agent)");
  }

  @Test
  @DisplayName("HTTP 429 is retryable and the message carries Retry-After")
  void rateLimited() {
    zendeskApi.stubFor(put(TICKET).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "93")));

    assertThatThrownBy(() -> zendesk.updateTicket(new TicketUpdate("4711", "open", null, null, null, null, null), "effect-1"))
        .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.isRetryable()).isTrue())
        .hasMessage("Zendesk: HTTP 429 Too Many Requests on PUT /api/v2/tickets/4711.json (Retry-After: 93 s)");
  }

  @Test
  @DisplayName("a 5xx is retryable; a 404 (no such ticket) is not")
  void serverErrorAndNotFound() {
    zendeskApi.stubFor(put(TICKET).willReturn(aResponse().withStatus(502)));
    zendeskApi.stubFor(put("/api/v2/tickets/999.json").willReturn(aResponse().withStatus(404)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"error\":\"RecordNotFound\",\"description\":\"Not found\"}")));

    assertThatThrownBy(() -> zendesk.updateTicket(new TicketUpdate("4711", "open", null, null, null, null, null), "effect-1"))
        .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.isRetryable()).isTrue())
        .hasMessage("Zendesk: HTTP 502 Bad Gateway on PUT /api/v2/tickets/4711.json");
    assertThatThrownBy(() -> zendesk.updateTicket(new TicketUpdate("999", "open", null, null, null, null, null), "effect-1"))
        .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.isRetryable()).isFalse())
        .hasMessageEndingWith("RecordNotFound: Not found");
  }

  @Test
  @DisplayName("start-up fails without the API token, and the token never shows in the properties")
  void requiresToken() {
    ZendeskProperties noToken = new ZendeskProperties(zendeskApi.baseUrl(), "api@gitlab.com", null, 1L, null,
        Duration.ofMinutes(5), Duration.ofSeconds(2), Duration.ofSeconds(5));

    assertThatThrownBy(() -> new RestZendeskConnector(noToken))
        .hasMessage("handoff.zendesk.api-token must be set when handoff.zendesk.base-url is");
    assertThat(properties(zendeskApi.baseUrl()).toString()).doesNotContain("zd-t0ken");
  }

  static ZendeskProperties properties(String baseUrl) {
    return new ZendeskProperties(baseUrl, "api@gitlab.com", "zd-t0ken", 360001234567L, "whsec",
        Duration.ofMinutes(5), Duration.ofSeconds(2), Duration.ofSeconds(5));
  }
}
