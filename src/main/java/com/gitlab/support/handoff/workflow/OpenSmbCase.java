package com.gitlab.support.handoff.workflow;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * R12, R13: hands the SMB Sales Case {@code salesforceCaseId} to its own lifecycle, the process
 * {@value #SMB_CASE_PROCESS} with the case id as business key. Inputs: {@code subject},
 * {@code description}, {@code origin}, {@code territory} and, when known, {@code accountId},
 * {@code contactId}; the ticket ({@code ticketId}, {@code ticketUrl}) goes along so the case can
 * report its pick-up back (message {@code SmbCasePickedUp}, business key = ticket id). Sets
 * {@code smbCaseProcessInstanceId}. Starting it is part of the engine's transaction, so a retried
 * job finds the instance already there and starts no second one.
 */
@Component("openSmbCase")
public class OpenSmbCase implements JavaDelegate {

  public static final String SMB_CASE_PROCESS = "smbCase";

  @Override
  public void execute(DelegateExecution execution) {
    String caseId = Inputs.required(execution, "salesforceCaseId");
    RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
    ProcessInstance running = runtime.createProcessInstanceQuery()
        .processDefinitionKey(SMB_CASE_PROCESS).processInstanceBusinessKey(caseId).singleResult();
    ProcessInstance smbCase = running != null ? running : runtime.startProcessInstanceByKey(SMB_CASE_PROCESS, caseId,
        Variables.createVariables()
            .putValue("caseKey", caseId)
            .putValue("salesforceCaseId", caseId)
            .putValue("subject", Inputs.required(execution, "subject"))
            .putValue("description", Inputs.required(execution, "description"))
            .putValue("origin", Inputs.required(execution, "origin"))
            .putValue("accountId", Inputs.optional(execution, "accountId"))
            .putValue("contactId", Inputs.optional(execution, "contactId"))
            .putValue("territory", Inputs.optional(execution, "territory"))
            .putValue("highValueAccount", false)
            .putValue("ticketId", Inputs.required(execution, "ticketId"))
            .putValue("ticketUrl", Inputs.optional(execution, "ticketUrl"))
            .putValue("requestedBy", Inputs.optional(execution, "engineer")));
    execution.getProcessInstance().setVariable("smbCaseProcessInstanceId", smbCase.getId());
  }
}
