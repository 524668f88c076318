package com.gitlab.support.handoff.connector.salesforce;

import java.util.List;

/**
 * A Chatter post on a record's feed.
 *
 * @param subjectId the record (account, case, user or group) whose feed gets the post
 * @param text the message; the mentions are placed before it
 * @param mentionIds users or groups to @mention (at most 25, Salesforce's limit)
 */
public record ChatterMessage(String subjectId, String text, List<String> mentionIds) {

  public ChatterMessage {
    mentionIds = mentionIds == null ? List.of() : List.copyOf(mentionIds);
    if (mentionIds.size() > 25) {
      throw new IllegalArgumentException("Chatter allows at most 25 mentions, got " + mentionIds.size());
    }
  }
}
