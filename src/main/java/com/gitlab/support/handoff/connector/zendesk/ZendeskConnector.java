package com.gitlab.support.handoff.connector.zendesk;

import java.time.Duration;
import java.time.Instant;

/** Updates Zendesk tickets; a real REST client or the sandbox implements it. */
public interface ZendeskConnector {

  /** Applies the update; {@code effectKey} names it where the system can keep it (the sandbox). */
  void updateTicket(TicketUpdate update, String effectKey);

  /**
   * Whether the ticket shows this update made since {@code since}. Only an update with a comment
   * (a public reply or an internal note) can be told apart: field changes can be repeated harmlessly.
   */
  boolean hasUpdate(TicketUpdate update, String effectKey, Instant since);

  /** How long a call may take before it gives up. */
  Duration longestCall();
}
