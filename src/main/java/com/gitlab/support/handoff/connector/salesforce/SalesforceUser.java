package com.gitlab.support.handoff.connector.salesforce;

/**
 * A Salesforce user; {@code managerId} builds the org chart, null at the top (the CEO). {@code region}
 * is the user's sales region (AMER, EMEA, APJ) when the org keeps one in the User field
 * {@code handoff.salesforce.fields.user-region}, else null; it chooses the business calendar of
 * timers that wait for this person's answer.
 */
public record SalesforceUser(String id, String name, String managerId, String region) {

  public SalesforceUser(String id, String name, String managerId) {
    this(id, name, managerId, null);
  }

  public boolean isTopOfOrgChart() {
    return managerId == null || managerId.isBlank();
  }
}
