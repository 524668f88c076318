package com.gitlab.support.handoff.workflow;

import com.gitlab.support.handoff.connector.slack.SlackConnector;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/** R12, R13, R15, R17, R18: posts {@code slackText} to {@code slackChannel}; sets {@code slackMessageTs}. */
@Component("postSlackMessage")
public class PostSlackMessage implements JavaDelegate {

  private final SlackConnector slack;
  private final SideEffects sideEffects;

  public PostSlackMessage(SlackConnector slack, SideEffects sideEffects) {
    this.slack = slack;
    this.sideEffects = sideEffects;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String channel = Inputs.required(execution, "slackChannel");
    String text = com.gitlab.support.handoff.texts.Texts.slackMessage(Inputs.required(execution, "slackText"));
    sideEffects.once(execution, channel, new SideEffect(
        key -> ts(slack.postMessage(channel, text, key)),
        (key, attemptedAt) -> slack.findMessage(channel, key, attemptedAt).map(PostSlackMessage::ts),
        slack.longestCall()));
  }

  private static Map<String, Object> ts(String messageTs) {
    return Variables.createVariables().putValue("slackMessageTs", messageTs);
  }
}
