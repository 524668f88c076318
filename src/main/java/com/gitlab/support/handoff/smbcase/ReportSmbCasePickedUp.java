package com.gitlab.support.handoff.smbcase;

import com.gitlab.support.handoff.workflow.Input;
import com.gitlab.support.handoff.workflow.Inputs;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * R13, R31: tells the Support handoff of ticket {@code ticketId} (business key) that an advocate picked
 * the case up: message {@value SmbCase#PICKED_UP_MESSAGE} with {@code contactName} = the advocate. A ticket
 * whose handoff has already ended (or never waited) is no error: nobody is left to tell.
 */
@Component("reportSmbCasePickedUp")
public class ReportSmbCasePickedUp implements JavaDelegate {

  /** What this delegate reads; its element template offers exactly these. */
  public static final Inputs INPUTS = new Inputs();
  private static final Input TICKET_ID = INPUTS.required("ticketId");
  private static final Input ADVOCATE = INPUTS.optional("advocate");

  private final IdentityService identity;

  public ReportSmbCasePickedUp(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String ticketId = TICKET_ID.text(execution);
    String advocate = ADVOCATE.text(execution);
    int told = execution.getProcessEngineServices().getRuntimeService()
        .createMessageCorrelation(SmbCase.PICKED_UP_MESSAGE)
        .processInstanceBusinessKey(ticketId)
        .setVariable("contactName", nameOf(advocate))
        .correlateAllWithResult()
        .size();
    execution.setVariable("supportHandoffTold", told > 0);
  }

  private String nameOf(String userId) {
    if (userId == null) {
      return null;
    }
    User user = identity.createUserQuery().userId(userId).singleResult();
    if (user == null) {
      return userId;
    }
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).trim();
    return name.isEmpty() ? userId : name;
  }
}
