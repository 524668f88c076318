package com.gitlab.support.handoff.connector.zendesk;

import static com.gitlab.support.handoff.connector.ExternalSystem.ZENDESK;

import com.fasterxml.jackson.databind.JsonNode;
import com.gitlab.support.handoff.connector.RemoteCalls;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * Zendesk's Tickets API: {@code PUT /api/v2/tickets/{id}.json}, basic auth {@code {email}/token:{api-token}}.
 *
 * <p>Zendesk takes one comment per update. With both an internal note and a public reply, the first
 * PUT carries the field changes and the note, the second only the reply: a failure between them
 * repeats, on retry, at worst the field changes and the note that agents see, never the reply the
 * customer reads.
 */
public class RestZendeskConnector implements ZendeskConnector {

  private final ZendeskProperties properties;
  private final RestClient http;

  public RestZendeskConnector(ZendeskProperties properties) {
    this(properties, RestClient.builder());
  }

  /** @param http Spring Boot's RestClient builder in the application, so every call is timed per system */
  public RestZendeskConnector(ZendeskProperties properties, RestClient.Builder http) {
    requireSetting(properties.email() != null && !properties.email().isBlank(), "handoff.zendesk.email");
    requireSetting(properties.apiToken() != null && !properties.apiToken().isBlank(), "handoff.zendesk.api-token");
    requireSetting(properties.escalatedToSalesFieldId() != null, "handoff.zendesk.escalated-to-sales-field-id");
    this.properties = properties;
    this.http = RemoteCalls.restClient(http, ZENDESK, properties.connectTimeout(), properties.readTimeout())
        .baseUrl(properties.baseUrl())
        .defaultHeaders(headers -> headers.setBasicAuth(properties.email() + "/token", properties.apiToken()))
        .build();
  }

  @Override
  public void updateTicket(TicketUpdate update, String effectKey) {
    for (Map<String, Object> ticket : ticketBodies(update)) {
      RemoteCalls.call(ZENDESK, () -> http.put()
          .uri("/api/v2/tickets/{id}.json", update.ticketId())
          .contentType(MediaType.APPLICATION_JSON)
          .accept(MediaType.APPLICATION_JSON)
          .body(Map.of("ticket", ticket))
          .retrieve()
          .toBodilessEntity());
    }
  }

  /**
   * Zendesk keeps no key of ours: the update was made when the ticket has, since {@code since}, the
   * comment its last PUT carries (the reply, else the note). Without a comment there is nothing to
   * tell apart, and repeating field changes does no harm.
   */
  @Override
  public boolean hasUpdate(TicketUpdate update, String effectKey, Instant since) {
    String last = update.publicReply() != null ? update.publicReply() : update.internalNote();
    if (last == null) {
      return false;
    }
    String wanted = RemoteCalls.oneLine(last);
    Instant from = since.minus(RemoteCalls.CLOCK_SKEW);
    JsonNode answer = RemoteCalls.call(ZENDESK, () -> http.get()
        .uri("/api/v2/tickets/{id}/comments.json?sort_order=desc", update.ticketId())
        .accept(MediaType.APPLICATION_JSON)
        .retrieve()
        .body(JsonNode.class));
    if (answer == null) {
      return false;
    }
    for (JsonNode comment : answer.path("comments")) {
      Instant created = createdAt(comment);
      String body = comment.path("plain_body").asText(comment.path("body").asText(""));
      if ((created == null || !created.isBefore(from)) && RemoteCalls.oneLine(body).equals(wanted)) {
        return true;
      }
    }
    return false;
  }

  /** Up to two PUTs. */
  @Override
  public Duration longestCall() {
    return properties.connectTimeout().plus(properties.readTimeout()).multipliedBy(2);
  }

  private static Instant createdAt(JsonNode comment) {
    try {
      return Instant.parse(comment.path("created_at").asText(""));
    } catch (DateTimeParseException unreadable) {
      return null;
    }
  }

  /** The {@code ticket} objects to send, in order: one, or two when there is a note and a reply. */
  List<Map<String, Object>> ticketBodies(TicketUpdate update) {
    Map<String, Object> fields = new LinkedHashMap<>();
    if (update.status() != null) {
      fields.put("status", update.status());
    }
    if (update.assigneeEmail() != null) {
      fields.put("assignee_email", update.assigneeEmail());
    }
    if (update.escalatedToSales() != null) {
      fields.put("custom_fields",
          List.of(Map.of("id", properties.escalatedToSalesFieldId(), "value", update.escalatedToSales())));
    }
    if (!update.ccEmails().isEmpty()) {
      fields.put("email_ccs", update.ccEmails().stream()
          .map(email -> Map.of("user_email", email, "action", "put")).toList());
    }
    List<Map<String, Object>> bodies = new ArrayList<>();
    if (update.internalNote() != null) {
      fields.put("comment", Map.of("body", update.internalNote(), "public", false));
    }
    if (update.publicReply() != null) {
      if (fields.containsKey("comment")) {
        bodies.add(fields);
        fields = new LinkedHashMap<>();
      }
      fields.put("comment", Map.of("body", update.publicReply(), "public", true));
    }
    if (!fields.isEmpty()) {
      bodies.add(fields);
    }
    return bodies;
  }

  private static void requireSetting(boolean present, String property) {
    if (!present) {
      throw new IllegalStateException(property + " must be set when handoff.zendesk.base-url is");
    }
  }
}
