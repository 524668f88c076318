package com.gitlab.support.handoff.smbcase;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;

/**
 * An advocate's update of a case broke a case rule (decision {@code smbCaseUpdateRules}): nothing is
 * saved, the task stays open, and Tasklist shows the message.
 */
public class CaseUpdateRefused extends ProcessEngineException {

  private final transient List<String> reasons;

  public CaseUpdateRefused(String caseKey, List<String> reasons) {
    super("Case " + caseKey + " was not saved: " + String.join(" ", reasons));
    this.reasons = List.copyOf(reasons);
  }

  public List<String> reasons() {
    return reasons;
  }
}
