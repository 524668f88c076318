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

  /** What this delegate reads; its element template offers exactly these. */
  public static final Inputs INPUTS = new Inputs();
  private static final Input SALESFORCE_CASE_ID = INPUTS.required("salesforceCaseId");
  private static final Input SUBJECT = INPUTS.required("subject");
  private static final Input DESCRIPTION = INPUTS.required("description");
  private static final Input ORIGIN = INPUTS.required("origin");
  private static final Input ACCOUNT_ID = INPUTS.optional("accountId");
  private static final Input CONTACT_ID = INPUTS.optional("contactId");
  private static final Input TERRITORY = INPUTS.optional("territory");
  private static final Input TICKET_ID = INPUTS.required("ticketId");
  private static final Input TICKET_URL = INPUTS.optional("ticketUrl");
  private static final Input ENGINEER = INPUTS.optional("engineer");

  public static final String SMB_CASE_PROCESS = "smbCase";

  @Override
  public void execute(DelegateExecution execution) {
    String caseId = SALESFORCE_CASE_ID.text(execution);
    RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
    ProcessInstance running = runtime.createProcessInstanceQuery()
        .processDefinitionKey(SMB_CASE_PROCESS).processInstanceBusinessKey(caseId).singleResult();
    ProcessInstance smbCase = running != null ? running : runtime.startProcessInstanceByKey(SMB_CASE_PROCESS, caseId,
        Variables.createVariables()
            .putValue("caseKey", caseId)
            .putValue("salesforceCaseId", caseId)
            .putValue("subject", SUBJECT.text(execution))
            .putValue("description", DESCRIPTION.text(execution))
            .putValue("origin", ORIGIN.text(execution))
            .putValue("accountId", ACCOUNT_ID.text(execution))
            .putValue("contactId", CONTACT_ID.text(execution))
            .putValue("territory", TERRITORY.text(execution))
            .putValue("highValueAccount", false)
            .putValue("ticketId", TICKET_ID.text(execution))
            .putValue("ticketUrl", TICKET_URL.text(execution))
            .putValue("requestedBy", ENGINEER.text(execution)));
    execution.getProcessInstance().setVariable("smbCaseProcessInstanceId", smbCase.getId());
  }
}
