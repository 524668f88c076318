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

  /** What this delegate reads; its element template offers exactly these. */
  public static final Inputs INPUTS = new Inputs();
  private static final Input SALES_SEGMENT = INPUTS.required("salesSegment");
  private static final Input SALES_REGION = INPUTS.optional("salesRegion");

  private final SalesforceConnector salesforce;
  private final SideEffects sideEffects;

  public LookUpTerritoryOwner(SalesforceConnector salesforce, SideEffects sideEffects) {
    this.salesforce = salesforce;
    this.sideEffects = sideEffects;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String segment = SALES_SEGMENT.text(execution);
    // An account without a billing country has no region: no owner is found and the engineer picks one.
    String region = SALES_REGION.text(execution);
    sideEffects.lookUp(execution, () -> {
      SalesforceUser owner = region == null ? null : salesforce.findTerritoryOwner(segment, region).orElse(null);
      return Variables.createVariables()
          .putValue("territoryOwnerId", owner == null ? null : owner.id())
          .putValue("territoryOwnerName", owner == null ? null : owner.name());
    });
  }
}
