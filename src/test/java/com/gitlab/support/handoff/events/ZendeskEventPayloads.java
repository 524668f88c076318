package com.gitlab.support.handoff.events;

/**
 * Bodies as Zendesk sends them: ticket events in the shape of Zendesk's "Ticket events" webhook
 * reference (zen:event-type:ticket.*, subject zen:ticket:&lt;id&gt;, detail, event.current/previous, values
 * in capitals), and the trigger webhook's body from docs/zendesk-webhooks.md with its placeholders
 * filled in the way Zendesk renders them.
 */
final class ZendeskEventPayloads {

  private ZendeskEventPayloads() {}

  static String statusChanged(String eventId, String ticketId, String previous, String current) {
    return ticketEvent("zen:event-type:ticket.status_changed", eventId, ticketId, current, "NORMAL",
        "{\"current\":\"" + current + "\",\"previous\":\"" + previous + "\"}");
  }

  static String priorityChanged(String eventId, String ticketId, String previous, String current) {
    return ticketEvent("zen:event-type:ticket.priority_changed", eventId, ticketId, "OPEN", current,
        "{\"current\":\"" + current + "\",\"previous\":" + (previous == null ? "null" : "\"" + previous + "\"") + "}");
  }

  static String commentAdded(String eventId, String ticketId) {
    return ticketEvent("zen:event-type:ticket.comment_added", eventId, ticketId, "OPEN", "NORMAL",
        "{\"comment\":{\"id\":\"30471837581\",\"body\":\"Any news from Sales?\",\"is_public\":true,"
            + "\"author\":{\"id\":\"8447388090494\",\"is_staff\":false,\"name\":\"Jane Doe\"}}}");
  }

  static String ticketEvent(String type, String eventId, String ticketId, String status, String priority, String event) {
    return """
        {"type":"%s","account_id":22129848,"id":"%s","time":"2026-12-03T10:00:00.672717030Z",
         "zendesk_event_version":"2022-11-06","subject":"zen:ticket:%s",
         "detail":{"actor_id":"8447388090494","assignee_id":"8447388090494","brand_id":"8447346621310",
           "created_at":"2026-12-01T09:12:07Z","custom_status":"8447320465790","description":"Wants to pay by wire transfer",
           "external_id":null,"form_id":"8646151517822","group_id":"8447320466430","id":"%s","is_public":true,
           "organization_id":"8447346622462","priority":"%s","requester_id":"8447388090494","status":"%s",
           "subject":"Wire transfer","submitter_id":"8447388090494","tags":["sales_handoff"],"type":"QUESTION",
           "updated_at":"2026-12-03T10:00:00Z","via":{"channel":"web_service"}},
         "event":%s}
        """.formatted(type, eventId, ticketId, ticketId, priority, status, event);
  }

  /** The trigger webhook's body (docs/zendesk-webhooks.md) as Zendesk renders its placeholders. */
  static String trigger(String change, String ticketId, String status, String priority) {
    return """
        {"type":"sales-handoff:trigger","id":"%s/%s/2026-12-03T10:00Z","change":"%s","ticket_id":"%s",
         "status":"%s","priority":"%s","updated_at":"2026-12-03T10:00Z"}
        """.formatted(ticketId, change, change, ticketId, status, priority);
  }
}
