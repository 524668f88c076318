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

  /** What this delegate reads; its element template offers exactly these. */
  public static final Inputs INPUTS = Inputs.withSideEffectScope();
  private static final Input ACCOUNT_ID = INPUTS.optional("accountId");
  private static final Input CASE_SUBJECT = INPUTS.required("caseSubject");
  private static final Input CASE_DESCRIPTION = INPUTS.required("caseDescription");
  private static final Input CASE_TYPE = INPUTS.required("caseType");
  private static final Input CASE_PRIORITY = INPUTS.required("casePriority");
  private static final Input CASE_ORIGIN = INPUTS.optional("caseOrigin");
  private static final Input CONTACT_ID = INPUTS.optional("contactId");
  private static final Input OPPORTUNITY_ID = INPUTS.optional("opportunityId");

  private final SalesforceConnector salesforce;
  private final SideEffects sideEffects;

  public CreateSalesforceCase(SalesforceConnector salesforce, SideEffects sideEffects) {
    this.salesforce = salesforce;
    this.sideEffects = sideEffects;
  }

  @Override
  public void execute(DelegateExecution execution) {
    NewCase newCase = new NewCase(
        ACCOUNT_ID.text(execution),
        CASE_SUBJECT.text(execution),
        CASE_DESCRIPTION.text(execution),
        CASE_TYPE.text(execution),
        CASE_PRIORITY.text(execution),
        CASE_ORIGIN.text(execution),
        CONTACT_ID.text(execution),
        OPPORTUNITY_ID.text(execution));
    sideEffects.once(execution, newCase.accountId(), new SideEffect(
        key -> caseId(salesforce.createCase(newCase, key)),
        (key, attemptedAt) -> salesforce.findCase(newCase, key, attemptedAt).map(CreateSalesforceCase::caseId),
        salesforce.longestCall()));
  }

  private static Map<String, Object> caseId(String id) {
    return Variables.createVariables().putValue("salesforceCaseId", id);
  }
}
