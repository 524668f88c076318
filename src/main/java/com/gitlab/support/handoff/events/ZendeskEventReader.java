package com.gitlab.support.handoff.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.gitlab.support.handoff.events.TicketEvent.Change;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the two bodies Zendesk sends to {@code POST /api/zendesk/events} into a {@link TicketEvent}:
 *
 * <ul>
 *   <li>Zendesk's ticket events (a webhook subscribed to {@code zen:event-type:ticket.*}):
 *       {@code {"type", "id", "time", "subject": "zen:ticket:<id>", "detail": {"id", …},
 *       "event": {"current", "previous"}}};
 *   <li>the trigger webhook of docs/zendesk-webhooks.md: {@code {"type": "sales-handoff:trigger", "id",
 *       "change": "status|priority_raised", "ticket_id", "status", "priority", "updated_at"}}, whose
 *       values are Zendesk placeholders.
 * </ul>
 *
 * Anything it cannot read is a {@link MalformedEventException} naming the field; values it can read
 * but a handoff does not know (a custom status name, a status in another language) are passed on, and
 * the event is then ignored with a reason.
 */
final class ZendeskEventReader {

  static final String TICKET_EVENT_PREFIX = "zen:event-type:ticket.";
  static final String STATUS_CHANGED = "zen:event-type:ticket.status_changed";
  static final String PRIORITY_CHANGED = "zen:event-type:ticket.priority_changed";
  static final String TRIGGER_TYPE = "sales-handoff:trigger";
  static final int MAX_EVENT_ID_LENGTH = 200;

  private static final Pattern TICKET_SUBJECT = Pattern.compile("zen:ticket:(\\d{1,20})");
  private static final Pattern TICKET_ID = Pattern.compile("\\d{1,20}");
  private static final Set<String> TRIGGER_CHANGES = Set.of("status", "priority_raised");

  private ZendeskEventReader() {}

  static TicketEvent read(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw new MalformedEventException(null, "The body must be a JSON object");
    }
    String type = requiredText(body, "type", "type");
    String eventId = requiredText(body, "id", "id");
    if (eventId.length() > MAX_EVENT_ID_LENGTH) {
      throw new MalformedEventException("id", "is longer than " + MAX_EVENT_ID_LENGTH + " characters");
    }
    if (type.equals(TRIGGER_TYPE)) {
      return trigger(body, eventId);
    }
    if (type.startsWith(TICKET_EVENT_PREFIX)) {
      return ticketEvent(body, type, eventId);
    }
    if (type.startsWith("zen:event-type:")) {
      // A user, organization or article event sent here by mistake: nothing to do with a ticket.
      return new TicketEvent(eventId, null, Change.OTHER, type, null, null, instant(body, "time"));
    }
    throw new MalformedEventException("type",
        "'" + type + "' is neither a Zendesk event type (zen:event-type:…) nor " + TRIGGER_TYPE);
  }

  private static TicketEvent ticketEvent(JsonNode body, String type, String eventId) {
    String subject = requiredText(body, "subject", "subject");
    Matcher ticket = TICKET_SUBJECT.matcher(subject);
    if (!ticket.matches()) {
      throw new MalformedEventException("subject", "must be zen:ticket:<ticket id>, not '" + subject + "'");
    }
    String ticketId = ticket.group(1);
    JsonNode detail = body.get("detail");
    if (detail == null || !detail.isObject()) {
      throw new MalformedEventException("detail", "must be the ticket (an object)");
    }
    String detailId = requiredText(detail, "id", "detail.id");
    if (!detailId.equals(ticketId)) {
      throw new MalformedEventException("detail.id", "is " + detailId + " but the subject names ticket " + ticketId);
    }
    Instant at = instant(body, "time");
    return switch (type) {
      case STATUS_CHANGED -> new TicketEvent(eventId, ticketId, Change.STATUS_CHANGED, type,
          change(body, "status", true), change(body, "status", false), at);
      case PRIORITY_CHANGED -> new TicketEvent(eventId, ticketId, Change.PRIORITY_CHANGED, type,
          change(body, "priority", true), change(body, "priority", false), at);
      default -> new TicketEvent(eventId, ticketId, Change.OTHER, type, null, null, at);
    };
  }

  private static TicketEvent trigger(JsonNode body, String eventId) {
    String change = requiredText(body, "change", "change");
    if (!TRIGGER_CHANGES.contains(change)) {
      throw new MalformedEventException("change", "must be status or priority_raised, not '" + change + "'");
    }
    String ticketId = requiredText(body, "ticket_id", "ticket_id");
    if (!TICKET_ID.matcher(ticketId).matches()) {
      throw new MalformedEventException("ticket_id", "must be a Zendesk ticket id (digits), not '" + ticketId + "'");
    }
    Instant at = instant(body, "updated_at");
    if (change.equals("status")) {
      return new TicketEvent(eventId, ticketId, Change.STATUS_CHANGED, TRIGGER_TYPE,
          value(requiredText(body, "status", "status")), null, at);
    }
    return new TicketEvent(eventId, ticketId, Change.PRIORITY_RAISED, TRIGGER_TYPE,
        value(requiredText(body, "priority", "priority")), null, at);
  }

  /**
   * {@code event.current} or {@code event.previous}: a plain value in the status and priority events,
   * or an object holding it under the property's name, as some other ticket events have it.
   */
  private static String change(JsonNode body, String property, boolean current) {
    String side = current ? "current" : "previous";
    JsonNode event = body.get("event");
    if (event == null || !event.isObject()) {
      throw new MalformedEventException("event", "must be an object with current and previous");
    }
    JsonNode value = event.get(side);
    if (value == null) {
      if (current) {
        throw new MalformedEventException("event.current", "is required");
      }
      return null;
    }
    if (value.isObject()) {
      value = value.get(property);
      if (value == null) {
        return null;
      }
    }
    if (value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new MalformedEventException("event." + side, "must be the " + property + " as text");
    }
    return value(value.asText());
  }

  private static Instant instant(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
      return null;
    }
    try {
      // OffsetDateTime rather than Instant: {{ticket.updated_at_with_timestamp}} has no seconds (05:35Z).
      return OffsetDateTime.parse(value.asText().trim()).toInstant();
    } catch (DateTimeParseException e) {
      throw new MalformedEventException(field, "must be an ISO 8601 date and time, not '" + value.asText() + "'");
    }
  }

  private static String requiredText(JsonNode node, String name, String field) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      throw new MalformedEventException(field, "is required");
    }
    if (!value.isTextual() && !value.isIntegralNumber()) {
      throw new MalformedEventException(field, "must be text");
    }
    String text = value.asText().trim();
    if (text.isEmpty()) {
      throw new MalformedEventException(field, "must not be blank");
    }
    return text;
  }

  /** Lower-case Zendesk value; blank and {@code -} (a placeholder's "none") are no value. */
  private static String value(String raw) {
    String value = raw.trim().toLowerCase(Locale.ROOT);
    return value.isEmpty() || value.equals("-") ? null : value;
  }
}
