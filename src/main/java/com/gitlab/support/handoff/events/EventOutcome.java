package com.gitlab.support.handoff.events;

/**
 * The answer to Zendesk (and what its webhook activity log shows): whether the event changed a
 * handoff ({@code taken}, HTTP 200) or was ignored (HTTP 202), and why, in one sentence.
 */
public record EventOutcome(String eventId, String ticketId, boolean taken, String reason) {

  static EventOutcome taken(TicketEvent event, String reason) {
    return new EventOutcome(event.eventId(), event.ticketId(), true, reason);
  }

  static EventOutcome ignored(TicketEvent event, String reason) {
    return new EventOutcome(event.eventId(), event.ticketId(), false, reason);
  }
}
