package com.gitlab.support.handoff.smbcase;

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

  @Override
  public void execute(DelegateExecution execution) {
    String advocate = Inputs.optional(execution, "advocate");
    ProcessInstance followUp = execution.getProcessEngineServices().getRuntimeService()
        .startProcessInstanceByKey(SmbCase.PROCESS_KEY, Variables.createVariables()
            .putValue("subject", Inputs.required(execution, "emailSubject"))
            .putValue("description", Inputs.optional(execution, "emailBody"))
            .putValue("origin", "EMAIL")
            .putValue("accountId", Inputs.optional(execution, "accountId"))
            .putValue("contactId", Inputs.optional(execution, "contactId"))
            .putValue("territory", Inputs.optional(execution, "territory"))
            .putValue("chosenAdvocate", advocate)
            .putValue("requestedBy", advocate)
            .putValue("followUpOf", execution.getProcessBusinessKey()));
    execution.getProcessInstance().setVariable("followUpCaseKey", followUp.getBusinessKey());
  }
}
