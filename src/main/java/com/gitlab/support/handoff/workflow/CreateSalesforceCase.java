package com.gitlab.support.handoff.workflow;

import com.gitlab.support.handoff.connector.salesforce.NewCase;
import com.gitlab.support.handoff.connector.salesforce.SalesforceConnector;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * R12, R20: creates an SMB Sales Case from {@code caseSubject}, {@code caseDescription}, {@code caseType},
 * {@code casePriority}, {@code caseOrigin} and, when known, {@code accountId}, {@code contactId},
 * {@code opportunityId}; sets {@code salesforceCaseId}.
 */
@Component("createSalesforceCase")
public class CreateSalesforceCase implements JavaDelegate {

  private final SalesforceConnector salesforce;
  private final SideEffects sideEffects;

  public CreateSalesforceCase(SalesforceConnector salesforce, SideEffects sideEffects) {
    this.salesforce = salesforce;
    this.sideEffects = sideEffects;
  }

  @Override
  public void execute(DelegateExecution execution) {
    NewCase newCase = new NewCase(
        Inputs.optional(execution, "accountId"),
        Inputs.required(execution, "caseSubject"),
        Inputs.required(execution, "caseDescription"),
        Inputs.required(execution, "caseType"),
        Inputs.required(execution, "casePriority"),
        Inputs.optional(execution, "caseOrigin"),
        Inputs.optional(execution, "contactId"),
        Inputs.optional(execution, "opportunityId"));
    sideEffects.once(execution, newCase.accountId(), new SideEffect(
        key -> caseId(salesforce.createCase(newCase, key)),
        (key, attemptedAt) -> salesforce.findCase(newCase, key, attemptedAt).map(CreateSalesforceCase::caseId),
        salesforce.longestCall()));
  }

  private static Map<String, Object> caseId(String id) {
    return Variables.createVariables().putValue("salesforceCaseId", id);
  }
}
