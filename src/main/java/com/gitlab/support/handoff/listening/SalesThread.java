package com.gitlab.support.handoff.listening;

import com.gitlab.support.handoff.connector.ExternalSystem;
import java.time.Instant;
import java.util.List;

/**
 * One of our posts that Sales may answer on (R39): a Chatter feed element, or a Slack message whose
 * thread we read.
 *
 * @param system {@link ExternalSystem#SALESFORCE} (Chatter) or {@link ExternalSystem#SLACK}
 * @param channel the Slack channel; null for Chatter
 * @param threadId the feed element id, or the Slack message ts
 * @param url a link to the thread where one is known (Chatter), else null
 * @param repliesFrom Salesforce user ids whose reply counts (the people a Slack ping is for); empty: anyone
 *     but us
 */
public record SalesThread(ExternalSystem system, String channel, String threadId, String url,
    List<String> repliesFrom, Instant postedAt) {

  public SalesThread {
    repliesFrom = repliesFrom == null ? List.of() : List.copyOf(repliesFrom);
  }
}
