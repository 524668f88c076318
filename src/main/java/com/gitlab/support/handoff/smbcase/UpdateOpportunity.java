package com.gitlab.support.handoff.smbcase;

import com.gitlab.support.handoff.connector.salesforce.OpportunityUpdate;
import com.gitlab.support.handoff.connector.salesforce.SalesforceConnector;
import com.gitlab.support.handoff.workflow.Input;
import com.gitlab.support.handoff.workflow.Inputs;
import com.gitlab.support.handoff.workflow.SideEffects;
import java.util.Date;
import com.gitlab.support.handoff.workflow.SideEffect;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * R38: updates the case's Opportunity {@code opportunityId}: Close Date {@code opportunityCloseDate}
 * (a date or {@code 2026-07-05}) and, when the case closes, Stage {@code opportunityStage}. Sets
 * {@code opportunitySyncedAt}. Give the task a {@code sideEffectScope} when it runs more than once.
 */
@Component("updateOpportunity")
public class UpdateOpportunity implements JavaDelegate {

  /** What this delegate reads; its element template offers exactly these. */
  public static final Inputs INPUTS = Inputs.withSideEffectScope();
  private static final Input OPPORTUNITY_ID = INPUTS.required("opportunityId");
  private static final Input OPPORTUNITY_STAGE = INPUTS.optional("opportunityStage");
  private static final Input OPPORTUNITY_CLOSE_DATE = INPUTS.optional("opportunityCloseDate");

  private final SalesforceConnector salesforce;
  private final SideEffects sideEffects;
  private final CaseDates dates;

  public UpdateOpportunity(SalesforceConnector salesforce, SideEffects sideEffects, CaseDates dates) {
    this.salesforce = salesforce;
    this.sideEffects = sideEffects;
    this.dates = dates;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String opportunityId = OPPORTUNITY_ID.text(execution);
    OpportunityUpdate update = new OpportunityUpdate(
        dates.dateOf(OPPORTUNITY_CLOSE_DATE.value(execution)), OPPORTUNITY_STAGE.text(execution));
    // Setting the same fields twice does no harm: no need to ask Salesforce after a cut-off attempt.
    sideEffects.once(execution, opportunityId, SideEffect.repeatable(key -> {
      salesforce.updateOpportunity(opportunityId, update);
      return Variables.createVariables().putValue("opportunitySyncedAt", new Date(ClockUtil.getCurrentTime().getTime()));
    }));
  }
}
