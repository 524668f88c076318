package com.gitlab.support.handoff.connector.sandbox;

import java.time.Instant;

/** One side effect the sandbox performed instead of the real system, as {@code GET /api/outbox} lists it. */
public record OutboxEntry(String system, String action, String ticketId, String target, String text, Instant at) {}
