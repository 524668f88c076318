package com.gitlab.support.handoff.connector.sandbox;

import com.gitlab.support.handoff.connector.ExternalSystem;
import com.gitlab.support.handoff.connector.salesforce.SalesforceProperties;
import com.gitlab.support.handoff.connector.slack.SlackProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * R39 in the sandbox: {@code POST /api/sandbox/chatter-replies} comments on the newest Chatter post made
 * for a ticket, {@code POST /api/sandbox/slack-replies} replies in the thread of its newest Slack message,
 * as a salesperson would in the real systems. Only while that system is played by the sandbox.
 */
@RestController
public class SandboxRepliesController {

  /** Chatter's limit for a comment. */
  static final int MAX_TEXT = 10_000;

  public record ChatterReply(@NotBlank String ticketId, @NotBlank String authorId,
      @NotBlank @Size(max = MAX_TEXT) String text) {}

  public record SlackThreadReply(@NotBlank String ticketId, @NotBlank String userId,
      @NotBlank @Size(max = MAX_TEXT) String text) {}

  /** What was added, and on which post. */
  public record Added(String ticketId, String thread, String target, String authorId, String authorName,
      String text, Instant at) {}

  private final SandboxReplies replies;
  private final SandboxCrm crm;
  private final boolean salesforceSandbox;
  private final boolean slackSandbox;

  public SandboxRepliesController(SandboxReplies replies, SandboxCrm crm, SalesforceProperties salesforce,
      SlackProperties slack) {
    this.replies = replies;
    this.crm = crm;
    this.salesforceSandbox = salesforce.isSandbox();
    this.slackSandbox = slack.isSandbox();
  }

  @PostMapping("/api/sandbox/chatter-replies")
  @ResponseStatus(HttpStatus.CREATED)
  public Added chatterReply(@Valid @RequestBody ChatterReply reply) {
    if (!salesforceSandbox) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND,
          "Salesforce is real (handoff.salesforce.base-url is set): comment on the post in Salesforce");
    }
    SandboxReplies.Thread post = replies.newestChatterPost(reply.ticketId()).orElseThrow(() ->
        new ResponseStatusException(HttpStatus.NOT_FOUND, "ticketId: no Chatter post was made for ticket "
            + reply.ticketId() + " (GET /api/outbox shows what was)"));
    return added(reply.ticketId(), post, replies.add(ExternalSystem.SALESFORCE, post.thread(), reply.authorId(),
        nameOf(reply.authorId()), reply.text()));
  }

  @PostMapping("/api/sandbox/slack-replies")
  @ResponseStatus(HttpStatus.CREATED)
  public Added slackReply(@Valid @RequestBody SlackThreadReply reply) {
    if (!slackSandbox) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND,
          "Slack is real (handoff.slack.base-url is set): reply in the thread in Slack");
    }
    SandboxReplies.Thread message = replies.newestSlackMessage(reply.ticketId()).orElseThrow(() ->
        new ResponseStatusException(HttpStatus.NOT_FOUND, "ticketId: no Slack message was posted for ticket "
            + reply.ticketId() + " (GET /api/outbox shows what was)"));
    return added(reply.ticketId(), message, replies.add(ExternalSystem.SLACK, message.thread(), reply.userId(),
        nameOf(reply.userId()), reply.text()));
  }

  private static Added added(String ticketId, SandboxReplies.Thread thread, SandboxReplies.Reply reply) {
    return new Added(ticketId, thread.thread(), thread.target(), reply.authorId(), reply.authorName(), reply.text(),
        reply.at());
  }

  private String nameOf(String userId) {
    return crm.user(userId).map(SandboxCrm.User::name).orElse(userId);
  }
}
