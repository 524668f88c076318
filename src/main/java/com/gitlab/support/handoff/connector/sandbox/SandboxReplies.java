package com.gitlab.support.handoff.connector.sandbox;

import com.gitlab.support.handoff.connector.ExternalSystem;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/**
 * R39 in the sandbox: the answers people give on the sandbox's Chatter posts and in the threads of its
 * Slack messages. A Chatter thread is the feed element id; a Slack thread is {@code channel|ts}.
 */
@Component
public class SandboxReplies {

  /** One answer on a thread. */
  public record Reply(long id, String authorId, String authorName, String text, Instant at) {}

  /** The newest post of a ticket that answers can be added to. */
  public record Thread(String thread, String target) {}

  private final JdbcTemplate jdbc;

  public SandboxReplies(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public static String slackThread(String channel, String ts) {
    return channel + "|" + ts;
  }

  public Reply add(ExternalSystem system, String thread, String authorId, String authorName, String text) {
    Instant at = ClockUtil.getCurrentTime().toInstant();
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      PreparedStatement insert = connection.prepareStatement("INSERT INTO sandbox_reply"
          + " (system_name, thread, author_id, author_name, text, recorded_at) VALUES (?, ?, ?, ?, ?, ?)",
          new String[] {"id"});
      insert.setString(1, system.name());
      insert.setString(2, thread);
      insert.setString(3, authorId);
      insert.setString(4, authorName);
      insert.setString(5, text);
      insert.setTimestamp(6, Timestamp.from(at));
      return insert;
    }, key);
    return new Reply(key.getKey().longValue(), authorId, authorName, text, at);
  }

  /** The answers on a thread, oldest first. */
  public List<Reply> on(ExternalSystem system, String thread) {
    return jdbc.query("SELECT id, author_id, author_name, text, recorded_at FROM sandbox_reply"
            + " WHERE system_name = ? AND thread = ? ORDER BY id",
        (rs, i) -> new Reply(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getTimestamp(5).toInstant()), system.name(), thread);
  }

  /** The newest Chatter post the sandbox made for this ticket: its feed element id. */
  public Optional<Thread> newestChatterPost(String ticketId) {
    return newest(ExternalSystem.SALESFORCE, "CHATTER_POST", ticketId)
        .map(row -> new Thread(row.reference(), row.target()));
  }

  /** The newest Slack message the sandbox posted for this ticket, as {@code channel|ts}. */
  public Optional<Thread> newestSlackMessage(String ticketId) {
    return newest(ExternalSystem.SLACK, "SLACK_MESSAGE", ticketId)
        .map(row -> new Thread(slackThread(row.target(), row.reference()), row.target()));
  }

  private record Row(String target, String reference) {}

  private Optional<Row> newest(ExternalSystem system, String action, String ticketId) {
    return jdbc.query("SELECT target, reference FROM sandbox_outbox WHERE system_name = ? AND action = ?"
                + " AND ticket_id = ? AND reference IS NOT NULL ORDER BY id DESC",
            (rs, i) -> new Row(rs.getString(1), rs.getString(2)), system.name(), action, ticketId)
        .stream().findFirst();
  }
}
