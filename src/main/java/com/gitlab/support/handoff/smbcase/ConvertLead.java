package com.gitlab.support.handoff.smbcase;

import com.gitlab.support.handoff.connector.salesforce.SalesforceConnector;
import com.gitlab.support.handoff.workflow.Input;
import com.gitlab.support.handoff.workflow.Inputs;
import com.gitlab.support.handoff.workflow.SideEffects;
import com.gitlab.support.handoff.workflow.SideEffect;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/** R37: converts the case's Lead {@code leadId} to a Contact under {@code accountId}; sets {@code contactId} and {@code leadConverted}. */
@Component("convertLead")
public class ConvertLead implements JavaDelegate {

  /** What this delegate reads; its element template offers exactly these. */
  public static final Inputs INPUTS = Inputs.withSideEffectScope();
  private static final Input LEAD_ID = INPUTS.required("leadId");
  private static final Input ACCOUNT_ID = INPUTS.optional("accountId");

  private final SalesforceConnector salesforce;
  private final SideEffects sideEffects;

  public ConvertLead(SalesforceConnector salesforce, SideEffects sideEffects) {
    this.salesforce = salesforce;
    this.sideEffects = sideEffects;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String leadId = LEAD_ID.text(execution);
    String accountId = ACCOUNT_ID.text(execution);
    sideEffects.once(execution, leadId, new SideEffect(
        key -> converted(salesforce.convertLead(leadId, accountId, key)),
        (key, attemptedAt) -> salesforce.findConvertedContact(leadId, key).map(ConvertLead::converted),
        salesforce.longestCall()));
  }

  private static Map<String, Object> converted(String contactId) {
    return Variables.createVariables().putValue("contactId", contactId).putValue("leadConverted", true);
  }
}
