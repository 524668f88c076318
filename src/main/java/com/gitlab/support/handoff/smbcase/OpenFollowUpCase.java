package com.gitlab.support.handoff.smbcase;

import com.gitlab.support.handoff.workflow.Input;
import com.gitlab.support.handoff.workflow.Inputs;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * R36: a customer's new request arrived on an old email thread; the advocate opens a new case on the
 * customer's behalf and works it: a new {@code smbCase} (origin EMAIL) with the email as subject and
 * description, the old case's account, contact and territory, routed straight to the same advocate.
 * Sets {@code followUpCaseKey}. Part of the job's transaction, so a retry starts no second case.
 */
@Component("openFollowUpCase")
public class OpenFollowUpCase implements JavaDelegate {

  /** What this delegate reads; its element template offers exactly these. */
  public static final Inputs INPUTS = new Inputs();
  private static final Input ADVOCATE = INPUTS.optional("advocate");
  private static final Input EMAIL_SUBJECT = INPUTS.required("emailSubject");
  private static final Input EMAIL_BODY = INPUTS.optional("emailBody");
  private static final Input ACCOUNT_ID = INPUTS.optional("accountId");
  private static final Input CONTACT_ID = INPUTS.optional("contactId");
  private static final Input TERRITORY = INPUTS.optional("territory");

  @Override
  public void execute(DelegateExecution execution) {
    String advocate = ADVOCATE.text(execution);
    ProcessInstance followUp = execution.getProcessEngineServices().getRuntimeService()
        .startProcessInstanceByKey(SmbCase.PROCESS_KEY, Variables.createVariables()
            .putValue("subject", EMAIL_SUBJECT.text(execution))
            .putValue("description", EMAIL_BODY.text(execution))
            .putValue("origin", "EMAIL")
            .putValue("accountId", ACCOUNT_ID.text(execution))
            .putValue("contactId", CONTACT_ID.text(execution))
            .putValue("territory", TERRITORY.text(execution))
            .putValue("chosenAdvocate", advocate)
            .putValue("requestedBy", advocate)
            .putValue("followUpOf", execution.getProcessBusinessKey()));
    execution.getProcessInstance().setVariable("followUpCaseKey", followUp.getBusinessKey());
  }
}
