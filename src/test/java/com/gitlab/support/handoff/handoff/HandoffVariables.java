package com.gitlab.support.handoff.handoff;

import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/** Intake variables of a {@code salesHandoff} test, read like the ticket they describe. */
final class HandoffVariables {

  private final VariableMap variables = Variables.createVariables();

  private HandoffVariables(String ticketId) {
    variables.putValue("ticketId", ticketId).putValue("summary", "Customer request on ticket " + ticketId)
        .putValue("engineer", "sam").putValue("requesterEmail", "jane@acme.com");
  }

  static HandoffVariables ticket(String ticketId) {
    return new HandoffVariables(ticketId);
  }

  HandoffVariables from(String requesterEmail) {
    variables.putValue("requesterEmail", requesterEmail);
    return this;
  }

  HandoffVariables asking(String requestType) {
    variables.putValue("requestType", requestType);
    return this;
  }

  HandoffVariables with(String name, Object value) {
    variables.putValue(name, value);
    return this;
  }

  VariableMap build() {
    return variables;
  }
}
