package com.gitlab.support.handoff.connector.sandbox;

import java.util.function.Supplier;

/**
 * The ticket a side effect belongs to, so the sandbox can file it in the outbox without every
 * connector method carrying the ticket id.
 */
public final class OutboxContext {

  private static final ThreadLocal<String> TICKET = new ThreadLocal<>();

  private OutboxContext() {}

  public static <T> T forTicket(String ticketId, Supplier<T> work) {
    String previous = TICKET.get();
    TICKET.set(ticketId);
    try {
      return work.get();
    } finally {
      if (previous == null) {
        TICKET.remove();
      } else {
        TICKET.set(previous);
      }
    }
  }

  static String ticketId() {
    return TICKET.get();
  }
}
