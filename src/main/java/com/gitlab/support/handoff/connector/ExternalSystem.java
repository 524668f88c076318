package com.gitlab.support.handoff.connector;

/** The outside systems the workflows talk to; the names appear in the outbox and in incident messages. */
public enum ExternalSystem {
  SALESFORCE("Salesforce"),
  ZENDESK("Zendesk"),
  SLACK("Slack");

  private final String displayName;

  ExternalSystem(String displayName) {
    this.displayName = displayName;
  }

  public String displayName() {
    return displayName;
  }
}
