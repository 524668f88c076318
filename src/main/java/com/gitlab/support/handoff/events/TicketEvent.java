package com.gitlab.support.handoff.events;

import java.time.Instant;

/**
 * One change of a Zendesk ticket, as either kind of webhook reports it: Zendesk's own ticket event
 * ({@code zen:event-type:ticket.*}) or the trigger webhook whose body docs/zendesk-webhooks.md gives.
 * Status and priority values are lower-case Zendesk values ({@code solved}, {@code high}); a priority
 * of {@code null} is a ticket without one.
 *
 * @param eventId what Zendesk redelivers unchanged: the key that makes a redelivery change nothing
 * @param type the webhook's event type, for the answer's reason
 * @param current the status or priority the ticket has now (null for {@link Change#OTHER})
 * @param previous the one it had before; null when unknown or none
 * @param at when the change happened in Zendesk
 */
public record TicketEvent(String eventId, String ticketId, Change change, String type, String current,
    String previous, Instant at) {

  /** What a handoff may care about. */
  public enum Change {
    /** The status changed; {@code current} is the new one. */
    STATUS_CHANGED,
    /** The priority changed; whether it was raised follows from {@code previous} and {@code current}. */
    PRIORITY_CHANGED,
    /** The priority was raised: the trigger's conditions say so, the body only has the new one. */
    PRIORITY_RAISED,
    /** Anything else: a comment, a tag, an assignee. */
    OTHER
  }
}
