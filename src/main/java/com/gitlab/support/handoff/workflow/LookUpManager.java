package com.gitlab.support.handoff.workflow;

import com.gitlab.support.handoff.connector.salesforce.SalesforceConnector;
import com.gitlab.support.handoff.connector.salesforce.SalesforceUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * R11: one step up the org chart from {@code escalateFromId}. Sets {@code managerId}/{@code managerName},
 * both null at the top (the CEO), where the ladder stops, and {@code managerRegion}, the manager's region in
 * Salesforce when the org keeps one (null otherwise), which chooses the calendar of the next rung.
 */
@Component("lookUpManager")
public class LookUpManager implements JavaDelegate {

  /** What this delegate reads; its element template offers exactly these. */
  public static final Inputs INPUTS = new Inputs();
  private static final Input ESCALATE_FROM_ID = INPUTS.required("escalateFromId");

  private final SalesforceConnector salesforce;
  private final SideEffects sideEffects;

  public LookUpManager(SalesforceConnector salesforce, SideEffects sideEffects) {
    this.salesforce = salesforce;
    this.sideEffects = sideEffects;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String userId = ESCALATE_FROM_ID.text(execution);
    sideEffects.lookUp(execution, () -> {
      SalesforceUser manager = salesforce.findUser(userId)
          .filter(user -> !user.isTopOfOrgChart())
          .flatMap(user -> salesforce.findUser(user.managerId()))
          .orElse(null);
      return Variables.createVariables()
          .putValue("managerId", manager == null ? null : manager.id())
          .putValue("managerName", manager == null ? null : manager.name())
          .putValue("managerRegion", manager == null ? null : manager.region());
    });
  }
}
