package com.gitlab.support.handoff.listening;

import com.gitlab.support.handoff.connector.ExternalSystem;
import com.gitlab.support.handoff.connector.salesforce.ChatterComment;
import com.gitlab.support.handoff.connector.salesforce.SalesforceConnector;
import com.gitlab.support.handoff.connector.salesforce.SalesforceUser;
import com.gitlab.support.handoff.connector.slack.SlackConnector;
import com.gitlab.support.handoff.connector.slack.SlackReply;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Reads the threads of a handoff and returns the answers it has not counted yet (R39): a Chatter comment
 * by anyone but the integration user; a Slack reply by one of the people the ping was for, or, when the
 * ping named nobody or none of them can be found in Slack by their Salesforce email, by anyone but a bot.
 */
@Component
public class SalesReplyReader {

  private final SalesforceConnector salesforce;
  private final SlackConnector slack;

  public SalesReplyReader(SalesforceConnector salesforce, SlackConnector slack) {
    this.salesforce = salesforce;
    this.slack = slack;
  }

  /** The replies on {@code threads} whose keys are not in {@code seen}, oldest first. */
  public List<SalesReply> newReplies(List<SalesThread> threads, Set<String> seen) {
    List<SalesReply> found = new ArrayList<>();
    String integrationUser = null;
    Map<String, Optional<String>> slackIds = new HashMap<>();
    for (SalesThread thread : threads) {
      if (thread.system() == ExternalSystem.SALESFORCE) {
        if (integrationUser == null) {
          integrationUser = salesforce.integrationUserId();
        }
        for (ChatterComment comment : salesforce.findComments(thread.threadId())) {
          String key = "chatter:" + comment.id();
          if (!seen.contains(key) && !comment.authorId().equals(integrationUser)) {
            found.add(new SalesReply(key, "Chatter", nameOr(comment.authorName(), comment.authorId()), comment.text(),
                thread.url(), comment.createdAt()));
          }
        }
      } else if (thread.system() == ExternalSystem.SLACK) {
        Map<String, String> counted = slackUsersOf(thread.repliesFrom(), slackIds);
        for (SlackReply reply : slack.findReplies(thread.channel(), thread.threadId())) {
          String key = "slack:" + thread.channel() + ":" + reply.ts();
          boolean byWhomWeAsked = counted.isEmpty() ? !reply.byBot() : counted.containsKey(reply.userId());
          if (!seen.contains(key) && byWhomWeAsked) {
            String name = counted.containsKey(reply.userId())
                ? salesforce.findUser(counted.get(reply.userId())).map(SalesforceUser::name).orElse(null) : null;
            found.add(new SalesReply(key, "Slack", nameOr(name, reply.userId()), reply.text(),
                "the thread of our message in " + thread.channel(), instantOf(reply.ts(), thread.postedAt())));
          }
        }
      }
    }
    found.sort((a, b) -> a.at().compareTo(b.at()));
    return found;
  }

  /**
   * The Slack user ids of these Salesforce users (to the Salesforce id), found by their email; those
   * without one are left out.
   */
  private Map<String, String> slackUsersOf(List<String> salesforceUserIds, Map<String, Optional<String>> cache) {
    Map<String, String> ids = new HashMap<>();
    for (String userId : salesforceUserIds) {
      cache.computeIfAbsent(userId, id -> salesforce.findUserEmail(id).flatMap(slack::findUserIdByEmail))
          .ifPresent(slackId -> ids.put(slackId, userId));
    }
    return ids;
  }

  private static String nameOr(String name, String id) {
    return name == null || name.isBlank() ? id : name;
  }

  /** A Slack ts is seconds.micros since the epoch; the sandbox's may not be. */
  private static Instant instantOf(String ts, Instant fallback) {
    try {
      BigDecimal seconds = new BigDecimal(ts);
      Instant at = Instant.ofEpochSecond(seconds.longValue());
      return at.isBefore(fallback) ? fallback : at;
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
