package com.gitlab.support.handoff.workflow;

import com.gitlab.support.handoff.connector.salesforce.Account;
import com.gitlab.support.handoff.connector.salesforce.SalesforceConnector;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/** R4: finds the customer's Account in Salesforce by the requester's email domain. */
@Component("lookUpAccount")
public class LookUpAccount implements JavaDelegate {

  /** What this delegate reads; its element template offers exactly these. */
  public static final Inputs INPUTS = new Inputs();
  private static final Input REQUESTER_EMAIL = INPUTS.required("requesterEmail");

  private final SalesforceConnector salesforce;
  private final SideEffects sideEffects;

  public LookUpAccount(SalesforceConnector salesforce, SideEffects sideEffects) {
    this.salesforce = salesforce;
    this.sideEffects = sideEffects;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String email = REQUESTER_EMAIL.text(execution);
    String domain = email.substring(email.indexOf('@') + 1).toLowerCase();
    sideEffects.lookUp(execution, () -> variablesOf(salesforce.findAccountByEmailDomain(domain)));
  }

  /** Every variable is set, null when unknown, so the model's expressions never meet a missing one. */
  private static VariableMap variablesOf(Optional<Account> found) {
    Account account = found.orElse(EMPTY);
    return Variables.createVariables()
        .putValue("accountFound", found.isPresent())
        .putValue("accountId", account.id())
        .putValue("accountName", account.name())
        .putValue("ownerId", account.ownerId())
        .putValue("ownerName", account.ownerName())
        .putValue("employees", account.employees())
        .putValue("billingCountry", account.billingCountry())
        .putValue("carr", account.carr() == null ? null : account.carr().doubleValue())
        .putValue("accountSalesSegment", account.salesSegment())
        .putValue("tamId", account.tamId())
        .putValue("tamName", account.tamName())
        .putValue("tamEmail", account.tamEmail());
  }

  private static final Account EMPTY = new Account(null, null, null, null, null, null, null, null, null, null, null);
}
