package com.gitlab.support.handoff.workflow;

import com.gitlab.support.handoff.connector.salesforce.SalesforceConnector;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * R11: before escalating, look at the account's Salesforce Activity for outreach since the handoff
 * ({@code activitySince}, a date); sets {@code recentOutreach}.
 */
@Component("checkRecentActivity")
public class CheckRecentActivity implements JavaDelegate {

  /** What this delegate reads; its element template offers exactly these. */
  public static final Inputs INPUTS = new Inputs();
  private static final Input ACCOUNT_ID = INPUTS.required("accountId");
  private static final Input ACTIVITY_SINCE = INPUTS.required("activitySince");

  private final SalesforceConnector salesforce;
  private final SideEffects sideEffects;

  public CheckRecentActivity(SalesforceConnector salesforce, SideEffects sideEffects) {
    this.salesforce = salesforce;
    this.sideEffects = sideEffects;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String accountId = ACCOUNT_ID.text(execution);
    Object since = ACTIVITY_SINCE.value(execution);
    if (!(since instanceof Date sinceDate)) {
      throw new IllegalStateException("Task '" + execution.getCurrentActivityName()
          + "' needs 'activitySince' as a date, got " + since);
    }
    Instant from = sinceDate.toInstant();
    sideEffects.lookUp(execution, () -> Variables.createVariables()
        .putValue("recentOutreach", salesforce.hasRecentActivity(accountId, from)));
  }
}
