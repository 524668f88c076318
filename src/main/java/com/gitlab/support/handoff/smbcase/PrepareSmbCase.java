package com.gitlab.support.handoff.smbcase;

import com.gitlab.support.handoff.security.Groups;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * On the start event of {@code smbCase}, wherever the case comes from (the API, the Support handoff,
 * a Tasklist start form, a follow-up case): the case has a key that is also its business key, and
 * every optional variable exists, so expressions and decision tables meet null rather than a missing
 * variable; blank text from a start form counts as unknown.
 */
@Component("prepareSmbCase")
public class PrepareSmbCase implements ExecutionListener {

  private final SmbCalendars smbCalendars;

  public PrepareSmbCase(SmbCalendars smbCalendars) {
    this.smbCalendars = smbCalendars;
  }

  private static final List<String> OPTIONAL = List.of(
      "description", "accountId", "contactId", "leadId", "opportunityId", "territory", "hvaAdvocate",
      "chosenAdvocate", "ticketId", "ticketUrl", "salesforceCaseId", "noTimeLimitReason", "advocate",
      "nextSteps", "resolutionAction", "feedback", "opportunityCloseDate", "opportunityOutcome", "reassignTo",
      "caseReminder", "routingProblem", "closedAt", "requestedBy");
  private static final Map<String, Object> DEFAULTS = Map.of(
      "highValueAccount", false, "languageBarrier", false, "overSevenDays", false, "caseUpdateNumber", 0,
      "caseStatus", "Open", "caseGroup", Groups.SMB_OPS);

  @Override
  public void notify(DelegateExecution execution) {
    for (String name : OPTIONAL) {
      Object value = execution.getVariable(name);
      if (value == null || value instanceof String text && text.isBlank()) {
        execution.setVariable(name, null);
      }
    }
    DEFAULTS.forEach((name, value) -> {
      if (execution.getVariable(name) == null) {
        execution.setVariable(name, value);
      }
    });
    String caseKey = (String) execution.getVariable("caseKey");
    if (caseKey == null || caseKey.isBlank()) {
      String businessKey = execution.getProcessBusinessKey();
      caseKey = businessKey != null ? businessKey : "SMB-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
      execution.setVariable("caseKey", caseKey);
    }
    // Issue 15: the calendar of the case's advocate or team, visible in Cockpit from the start.
    smbCalendars.of(execution);
    if (execution.getProcessBusinessKey() == null) {
      execution.setProcessBusinessKey(caseKey);
    }
    Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (execution.getVariable("requestedBy") == null && user != null) {
      execution.setVariable("requestedBy", user.getUserId());
    }
  }
}
