package com.gitlab.support.handoff.connector.zendesk;

import static com.gitlab.support.handoff.connector.ExternalSystem.ZENDESK;

import com.gitlab.support.handoff.connector.RemoteCalls;
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
    requireSetting(properties.email() != null && !properties.email().isBlank(), "handoff.zendesk.email");
    requireSetting(properties.apiToken() != null && !properties.apiToken().isBlank(), "handoff.zendesk.api-token");
    requireSetting(properties.escalatedToSalesFieldId() != null, "handoff.zendesk.escalated-to-sales-field-id");
    this.properties = properties;
    this.http = RemoteCalls.restClient(ZENDESK, properties.connectTimeout(), properties.readTimeout())
        .baseUrl(properties.baseUrl())
        .defaultHeaders(headers -> headers.setBasicAuth(properties.email() + "/token", properties.apiToken()))
        .build();
  }

  @Override
  public void updateTicket(TicketUpdate update) {
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
