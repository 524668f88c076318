package com.gitlab.support.handoff.smbcase;

import java.util.Map;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/** What an advocate submits in the case form: status, Next Steps and whatever else the test sets. */
final class CaseUpdate {

  static final String ATTEMPTING_CONTACT = "In Progress: Attempting Contact";
  static final String ENGAGED = "In Progress: Engaged";
  static final String RESOLVED = "Closed: Resolved";
  static final String DUPLICATE = "Closed: Duplicate";

  private final VariableMap variables = Variables.createVariables();

  private CaseUpdate(String status, String nextSteps) {
    variables.putValue("caseStatus", status).putValue("nextSteps", nextSteps).putValue("languageBarrier", false);
  }

  /** A status with Next Steps dated {@code date} (YYYY-MM-DD). */
  static CaseUpdate status(String status, String date) {
    return new CaseUpdate(status, date + " AV Emailed the customer about their seats");
  }

  CaseUpdate nextSteps(String nextSteps) {
    return with("nextSteps", nextSteps);
  }

  /** Closing fields: Resolution Action and Feedback (R28). */
  CaseUpdate resolved(String resolutionAction, String feedback) {
    return with("resolutionAction", resolutionAction).with("feedback", feedback);
  }

  CaseUpdate with(String name, Object value) {
    variables.putValue(name, value);
    return this;
  }

  Map<String, Object> build() {
    return variables;
  }
}
