package com.gitlab.support.handoff.workflow;

import com.gitlab.support.handoff.connector.salesforce.SalesforceConnector;
import com.gitlab.support.handoff.connector.salesforce.SalesforceUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/** R18: the owner of the account's latest opportunity ({@code latestOpportunityOwnerId}/{@code Name}, null if none). */
@Component("lookUpLatestOpportunityOwner")
public class LookUpLatestOpportunityOwner implements JavaDelegate {

  /** What this delegate reads; its element template offers exactly these. */
  public static final Inputs INPUTS = new Inputs();
  private static final Input ACCOUNT_ID = INPUTS.optional("accountId");

  private final SalesforceConnector salesforce;
  private final SideEffects sideEffects;

  public LookUpLatestOpportunityOwner(SalesforceConnector salesforce, SideEffects sideEffects) {
    this.salesforce = salesforce;
    this.sideEffects = sideEffects;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String accountId = ACCOUNT_ID.text(execution);
    sideEffects.lookUp(execution, () -> {
      SalesforceUser owner = accountId == null ? null : salesforce.findLatestOpportunityOwner(accountId).orElse(null);
      return Variables.createVariables()
          .putValue("latestOpportunityOwnerId", owner == null ? null : owner.id())
          .putValue("latestOpportunityOwnerName", owner == null ? null : owner.name());
    });
  }
}
