package com.gitlab.support.handoff.intake;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/** The answer of the intake: the instance, and {@code duplicate: true} when it was already running. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IntakeResult(String processInstanceId, String businessKey, Boolean duplicate) {

  static IntakeResult started(String processInstanceId, String businessKey) {
    return new IntakeResult(processInstanceId, businessKey, null);
  }

  static IntakeResult alreadyRunning(String processInstanceId, String businessKey) {
    return new IntakeResult(processInstanceId, businessKey, true);
  }

  @JsonIgnore
  public boolean isDuplicate() {
    return Boolean.TRUE.equals(duplicate);
  }
}
