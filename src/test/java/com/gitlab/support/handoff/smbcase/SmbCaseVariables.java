package com.gitlab.support.handoff.smbcase;

import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/** Start variables of an {@code smbCase} test, read like the case they describe. */
final class SmbCaseVariables {

  private final VariableMap variables = Variables.createVariables();

  private SmbCaseVariables(String origin, String subject) {
    variables.putValue("origin", origin).putValue("subject", subject)
        .putValue("description", "The customer would like to talk about their subscription.")
        .putValue("accountId", "001A2").putValue("contactId", "003C1").putValue("territory", "AMER");
  }

  /** An email to smallbusiness@ from an AMER customer who is a Contact in Salesforce. */
  static SmbCaseVariables emailCase() {
    return new SmbCaseVariables("EMAIL", "Need 5 more seats");
  }

  static SmbCaseVariables caseFrom(String origin, String subject) {
    return new SmbCaseVariables(origin, subject);
  }

  SmbCaseVariables in(String territory) {
    return with("territory", territory);
  }

  SmbCaseVariables highValueAccountOf(String advocate) {
    return with("highValueAccount", true).with("hvaAdvocate", advocate);
  }

  SmbCaseVariables withoutContact() {
    return with("contactId", null);
  }

  SmbCaseVariables with(String name, Object value) {
    variables.putValue(name, value);
    return this;
  }

  VariableMap build() {
    return variables;
  }
}
