package com.gitlab.support.handoff.connector.salesforce;

/** A Salesforce user; {@code managerId} builds the org chart, null at the top (the CEO). */
public record SalesforceUser(String id, String name, String managerId) {

  public boolean isTopOfOrgChart() {
    return managerId == null || managerId.isBlank();
  }
}
