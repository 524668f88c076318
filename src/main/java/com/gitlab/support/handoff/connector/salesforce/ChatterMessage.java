package com.gitlab.support.handoff.connector.salesforce;

import com.gitlab.support.handoff.texts.Texts;
import java.util.List;

/**
 * A Chatter post on a record's feed.
 *
 * <p>Chatter refuses a body over {@value #MAX_BODY} characters, and the @mentions are part of the body
 * as "@Name ": the text is shortened to what is left after {@value #MENTION_ROOM} characters per mention
 * (a user's full name has at most 121), keeping a link it ends with.
 *
 * @param subjectId the record (account, case, user or group) whose feed gets the post
 * @param text the message; the mentions are placed before it
 * @param mentionIds users or groups to @mention (at most 25, Salesforce's limit)
 */
public record ChatterMessage(String subjectId, String text, List<String> mentionIds) {

  /** Characters of a feed item's body, mentions included (Chatter REST API, Feed Item Input). */
  public static final int MAX_BODY = 10_000;

  /** What one mention takes of the body at most: "@", a full name of up to 121 characters, a space. */
  public static final int MENTION_ROOM = 123;

  public ChatterMessage {
    mentionIds = mentionIds == null ? List.of() : List.copyOf(mentionIds);
    if (mentionIds.size() > 25) {
      throw new IllegalArgumentException("Chatter allows at most 25 mentions, got " + mentionIds.size());
    }
    text = Texts.shortenKeepingTrailingLink(text, maxText(mentionIds.size()));
  }

  /** How long the text may be next to this many mentions. */
  public static int maxText(int mentions) {
    return MAX_BODY - MENTION_ROOM * mentions;
  }
}
