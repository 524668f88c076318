package com.gitlab.support.handoff.workflow;

import com.gitlab.support.handoff.connector.salesforce.CaseUpdate;
import com.gitlab.support.handoff.connector.salesforce.SalesforceConnector;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * R13, R23, R28: syncs {@code caseStatus}, {@code nextSteps}, {@code caseOwnerId}, {@code resolutionAction}
 * and {@code feedback} to the Case {@code salesforceCaseId}; sets {@code salesforceCaseSyncedAt}.
 * Give the task a {@code sideEffectScope} (e.g. the status) when it runs more than once per case.
 */
@Component("updateSalesforceCase")
public class UpdateSalesforceCase implements JavaDelegate {

  /** What this delegate reads; its element template offers exactly these. */
  public static final Inputs INPUTS = Inputs.withSideEffectScope();
  private static final Input SALESFORCE_CASE_ID = INPUTS.required("salesforceCaseId");
  private static final Input CASE_STATUS = INPUTS.optional("caseStatus");
  private static final Input NEXT_STEPS = INPUTS.optional("nextSteps");
  private static final Input CASE_OWNER_ID = INPUTS.optional("caseOwnerId");
  private static final Input RESOLUTION_ACTION = INPUTS.optional("resolutionAction");
  private static final Input FEEDBACK = INPUTS.optional("feedback");

  private final SalesforceConnector salesforce;
  private final SideEffects sideEffects;

  public UpdateSalesforceCase(SalesforceConnector salesforce, SideEffects sideEffects) {
    this.salesforce = salesforce;
    this.sideEffects = sideEffects;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseId = SALESFORCE_CASE_ID.text(execution);
    CaseUpdate update = new CaseUpdate(
        CASE_STATUS.text(execution),
        NEXT_STEPS.text(execution),
        CASE_OWNER_ID.text(execution),
        RESOLUTION_ACTION.text(execution),
        FEEDBACK.text(execution));
    // Setting the same fields twice does no harm: no need to ask Salesforce after a cut-off attempt.
    sideEffects.once(execution, caseId, SideEffect.repeatable(key -> {
      salesforce.updateCase(caseId, update);
      return Variables.createVariables()
          .putValue("salesforceCaseSyncedAt", new Date(ClockUtil.getCurrentTime().getTime()));
    }));
  }
}
