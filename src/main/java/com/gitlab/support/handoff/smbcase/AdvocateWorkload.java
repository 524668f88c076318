package com.gitlab.support.handoff.smbcase;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** R21: how many SMB cases an advocate has In Progress (any of the three In Progress statuses of R23). */
@Component
public class AdvocateWorkload {

  private final RuntimeService runtime;

  public AdvocateWorkload(RuntimeService runtime) {
    this.runtime = runtime;
  }

  public long inProgressCases(String advocate) {
    return runtime.createProcessInstanceQuery()
        .processDefinitionKey(SmbCase.PROCESS_KEY)
        .variableValueEquals("advocate", advocate)
        .variableValueLike("caseStatus", "In Progress%")
        .count();
  }
}
