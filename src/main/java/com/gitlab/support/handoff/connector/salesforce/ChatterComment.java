package com.gitlab.support.handoff.connector.salesforce;

import java.time.Instant;

/**
 * A comment on a Chatter feed element (R39): who wrote it, what, and when.
 *
 * @param id the comment's id ({@code 0D7…})
 * @param authorId the Salesforce user who wrote it
 * @param authorName that user's display name
 * @param text the comment's plain text
 * @param createdAt when Salesforce says it was written
 */
public record ChatterComment(String id, String authorId, String authorName, String text, Instant createdAt) {}
