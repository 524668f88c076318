package com.gitlab.support.handoff.connector.slack;

/** Posts to Slack channels; a real Web API client or the sandbox implements it. */
public interface SlackConnector {

  /** Posts {@code text} to {@code channel} (e.g. {@code #support_sales_escalation}) and returns the message ts. */
  String postMessage(String channel, String text);
}
