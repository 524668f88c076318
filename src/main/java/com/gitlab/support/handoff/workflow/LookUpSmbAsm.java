package com.gitlab.support.handoff.workflow;

import com.gitlab.support.handoff.connector.salesforce.SalesforceConnector;
import com.gitlab.support.handoff.connector.salesforce.SalesforceUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * R13: the Area Sales Manager of the SMB territory {@code smbTerritory} (AMER, EMEA_APJ); sets
 * {@code asmId}/{@code asmName}, both null when the territory or its ASM is unknown.
 */
@Component("lookUpSmbAsm")
public class LookUpSmbAsm implements JavaDelegate {

  /** What this delegate reads; its element template offers exactly these. */
  public static final Inputs INPUTS = new Inputs();
  private static final Input SMB_TERRITORY = INPUTS.optional("smbTerritory");

  private final SalesforceConnector salesforce;
  private final SideEffects sideEffects;

  public LookUpSmbAsm(SalesforceConnector salesforce, SideEffects sideEffects) {
    this.salesforce = salesforce;
    this.sideEffects = sideEffects;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String territory = SMB_TERRITORY.text(execution);
    sideEffects.lookUp(execution, () -> {
      SalesforceUser asm = territory == null ? null : salesforce.findSmbTerritoryAsm(territory).orElse(null);
      return Variables.createVariables()
          .putValue("asmId", asm == null ? null : asm.id())
          .putValue("asmName", asm == null ? null : asm.name());
    });
  }
}
