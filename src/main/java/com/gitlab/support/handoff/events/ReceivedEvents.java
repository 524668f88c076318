package com.gitlab.support.handoff.events;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The Zendesk event ids already taken ({@code zendesk_event_received}). Zendesk redelivers a webhook
 * it got no 2xx for, with the same id; the id is inserted <em>first</em>, in the transaction that then
 * acts on the event, so of two deliveries at once (one node or two) the second waits on the first's
 * row and then finds it, and an event whose handling failed leaves no row and is taken again.
 */
@Component
public class ReceivedEvents {

  private final JdbcTemplate jdbc;

  public ReceivedEvents(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Records the event in the caller's transaction.
   *
   * @throws DuplicateKeyException when the event was received before: the caller's transaction
   *     must end there (PostgreSQL takes no further statement in it)
   */
  public void record(String eventId, String ticketId, Instant receivedAt) {
    jdbc.update("INSERT INTO zendesk_event_received (event_id, ticket_id, received_at) VALUES (?, ?, ?)",
        eventId, ticketId, Timestamp.from(receivedAt));
  }

  public boolean contains(String eventId) {
    Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM zendesk_event_received WHERE event_id = ?",
        Integer.class, eventId);
    return count != null && count > 0;
  }

  /** Removes the ids received before {@code before}; returns how many. */
  public int forgetReceivedBefore(Instant before) {
    return jdbc.update("DELETE FROM zendesk_event_received WHERE received_at < ?", Timestamp.from(before));
  }
}
