package com.gitlab.support.handoff.workflow;

import com.gitlab.support.handoff.connector.salesforce.SalesforceConnector;
import com.gitlab.support.handoff.connector.salesforce.SalesforceUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/** R14: who owns the account's sales segment ({@code salesSegment}) in its region ({@code salesRegion}). */
@Component("lookUpTerritoryOwner")
public class LookUpTerritoryOwner implements JavaDelegate {

  private final SalesforceConnector salesforce;
  private final SideEffects sideEffects;

  public LookUpTerritoryOwner(SalesforceConnector salesforce, SideEffects sideEffects) {
    this.salesforce = salesforce;
    this.sideEffects = sideEffects;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String segment = Inputs.required(execution, "salesSegment");
    // An account without a billing country has no region: no owner is found and the engineer picks one.
    String region = Inputs.optional(execution, "salesRegion");
    sideEffects.lookUp(execution, () -> {
      SalesforceUser owner = region == null ? null : salesforce.findTerritoryOwner(segment, region).orElse(null);
      return Variables.createVariables()
          .putValue("territoryOwnerId", owner == null ? null : owner.id())
          .putValue("territoryOwnerName", owner == null ? null : owner.name());
    });
  }
}
