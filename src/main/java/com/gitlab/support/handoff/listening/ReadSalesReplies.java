package com.gitlab.support.handoff.listening;

import com.gitlab.support.handoff.connector.ConnectorException;
import com.gitlab.support.handoff.workflow.Input;
import com.gitlab.support.handoff.workflow.Inputs;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * R39: reads the Chatter posts and Slack pings of this handoff for an answer it has not counted yet.
 * Sets {@code salesReplied}; when true also {@code salesReplyFrom}, {@code salesReplyText},
 * {@code salesReplyUrl}, {@code salesReplyVia} (the first new answer; the text lists every new one), and
 * remembers the answers counted in {@code salesRepliesSeen} ({@code salesReplyCount} of them), so "ask
 * again" waits for a new one.
 *
 * <p>Only reads. By default a system that does not answer fails the job (retries, then an incident that
 * names the system); with the input {@code failIfUnreachable} false (the check before an escalation
 * rung) it counts as "no answer yet", so an outage never holds the ladder.
 */
@Component("readSalesReplies")
public class ReadSalesReplies implements JavaDelegate {

  /** What this delegate reads; its element template offers exactly these. */
  public static final Inputs INPUTS = new Inputs();
  private static final Input FAIL_IF_UNREACHABLE = INPUTS.optional("failIfUnreachable");

  private static final Logger LOG = LoggerFactory.getLogger(ReadSalesReplies.class);
  static final String SEEN = "salesRepliesSeen";

  private final SalesThreads threads;
  private final SalesReplyReader reader;

  public ReadSalesReplies(SalesThreads threads, SalesReplyReader reader) {
    this.threads = threads;
    this.reader = reader;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Set<String> seen = seen(execution);
    List<SalesReply> replies;
    try {
      replies = reader.newReplies(threads.of(execution), seen);
    } catch (ConnectorException e) {
      if (!Boolean.FALSE.equals(FAIL_IF_UNREACHABLE.flag(execution))) {
        throw e;
      }
      LOG.warn("Ticket {}: could not read Sales' replies before the escalation ({}); the ladder goes on and the"
          + " regular check reads them later", execution.getProcessBusinessKey(), e.getMessage());
      replies = List.of();
    }
    DelegateExecution instance = execution.getProcessInstance();
    instance.setVariable("salesReplied", !replies.isEmpty());
    if (replies.isEmpty()) {
      return;
    }
    SalesReply first = replies.get(0);
    instance.setVariable("salesReplyFrom", first.from());
    instance.setVariable("salesReplyVia", first.via());
    instance.setVariable("salesReplyUrl", first.url());
    instance.setVariable("salesReplyText", replies.size() == 1 ? first.text()
        : replies.stream().map(reply -> reply.from() + " (" + reply.via() + "): " + reply.text())
            .collect(Collectors.joining("\n")));
    replies.forEach(reply -> seen.add(reply.key()));
    instance.setVariable(SEEN, String.join(",", seen));
    instance.setVariable("salesReplyCount", seen.size());
  }

  private static Set<String> seen(DelegateExecution execution) {
    // Its own state from an earlier run, not an input the model gives.
    Object seen = execution.getVariable(SEEN);
    return seen == null || seen.toString().isBlank() ? new LinkedHashSet<>()
        : new LinkedHashSet<>(Arrays.asList(seen.toString().split(",")));
  }
}
