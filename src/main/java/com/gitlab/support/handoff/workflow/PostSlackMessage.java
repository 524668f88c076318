package com.gitlab.support.handoff.workflow;

import com.gitlab.support.handoff.connector.ExternalSystem;
import com.gitlab.support.handoff.connector.slack.SlackConnector;
import com.gitlab.support.handoff.listening.SalesThread;
import com.gitlab.support.handoff.listening.SalesThreads;
import com.gitlab.support.handoff.texts.Texts;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * R12, R13, R15, R17, R18: posts {@code slackText} to {@code slackChannel}; sets {@code slackMessageTs}.
 * With the input {@code listenForReplies} true, the message's thread is read for Sales' answer
 * afterwards (R39): a reply by one of {@code repliesFrom} (Salesforce user ids of the people pinged),
 * or by anyone but a bot when it names nobody.
 */
@Component("postSlackMessage")
public class PostSlackMessage implements JavaDelegate {

  /** What this delegate reads; its element template offers exactly these. */
  public static final Inputs INPUTS = Inputs.withSideEffectScope();
  private static final Input SLACK_CHANNEL = INPUTS.required("slackChannel");
  private static final Input SLACK_TEXT = INPUTS.required("slackText");
  private static final Input LISTEN_FOR_REPLIES = INPUTS.optional("listenForReplies");
  private static final Input REPLIES_FROM = INPUTS.optional("repliesFrom");

  private final SlackConnector slack;
  private final SideEffects sideEffects;
  private final SalesThreads threads;

  public PostSlackMessage(SlackConnector slack, SideEffects sideEffects, SalesThreads threads) {
    this.slack = slack;
    this.sideEffects = sideEffects;
    this.threads = threads;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String channel = SLACK_CHANNEL.text(execution);
    String text = Texts.slackMessage(SLACK_TEXT.text(execution));
    Map<String, Object> message = sideEffects.once(execution, channel, new SideEffect(
        key -> ts(slack.postMessage(channel, text, key)),
        (key, attemptedAt) -> slack.findMessage(channel, key, attemptedAt).map(PostSlackMessage::ts),
        slack.longestCall()));
    if (Boolean.TRUE.equals(LISTEN_FOR_REPLIES.flag(execution)) && message.get("slackMessageTs") != null) {
      threads.register(SideEffects.keyOf(execution, channel), execution, new SalesThread(ExternalSystem.SLACK,
          channel, message.get("slackMessageTs").toString(), null, REPLIES_FROM.list(execution),
          ClockUtil.getCurrentTime().toInstant()));
    }
  }

  private static Map<String, Object> ts(String messageTs) {
    return Variables.createVariables().putValue("slackMessageTs", messageTs);
  }
}
