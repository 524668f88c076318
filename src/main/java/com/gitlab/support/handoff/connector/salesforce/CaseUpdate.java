package com.gitlab.support.handoff.connector.salesforce;

/** Fields of a Case the workflows keep in sync; null fields are left as they are. */
public record CaseUpdate(String status, String nextSteps, String ownerId, String resolutionAction, String feedback) {

  public static CaseUpdate status(String status, String nextSteps) {
    return new CaseUpdate(status, nextSteps, null, null, null);
  }
}
