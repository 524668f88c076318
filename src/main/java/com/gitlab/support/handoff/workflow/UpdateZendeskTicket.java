package com.gitlab.support.handoff.workflow;

import com.gitlab.support.handoff.connector.zendesk.TicketUpdate;
import com.gitlab.support.handoff.connector.zendesk.ZendeskConnector;
import java.util.Date;
import org.camunda.bpm.engine.IdentityService;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * R8, R9, R10, R17: one update of the ticket {@code ticketId}. Inputs, each optional: {@code ticketStatus},
 * {@code assignTo} (a Camunda user id, sent as the user's email), {@code escalatedToSales},
 * {@code publicReply}, {@code internalNote}, {@code ccEmails}. Sets {@code zendeskUpdatedAt}.
 */
@Component("updateZendeskTicket")
public class UpdateZendeskTicket implements JavaDelegate {

  private final ZendeskConnector zendesk;
  private final IdentityService identityService;
  private final SideEffects sideEffects;

  public UpdateZendeskTicket(ZendeskConnector zendesk, IdentityService identityService, SideEffects sideEffects) {
    this.zendesk = zendesk;
    this.identityService = identityService;
    this.sideEffects = sideEffects;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String ticketId = Inputs.required(execution, "ticketId");
    TicketUpdate update = new TicketUpdate(
        ticketId,
        Inputs.optional(execution, "ticketStatus"),
        emailOf(execution, Inputs.optional(execution, "assignTo")),
        Inputs.flag(execution, "escalatedToSales"),
        Inputs.optional(execution, "publicReply"),
        Inputs.optional(execution, "internalNote"),
        Inputs.list(execution, "ccEmails"));
    sideEffects.once(execution, ticketId, new SideEffect(
        key -> {
          zendesk.updateTicket(update, key);
          return updatedNow();
        },
        (key, attemptedAt) -> zendesk.hasUpdate(update, key, attemptedAt) ? Optional.of(updatedNow()) : Optional.empty(),
        zendesk.longestCall()));
  }

  private static Map<String, Object> updatedNow() {
    return Variables.createVariables().putValue("zendeskUpdatedAt", new Date(ClockUtil.getCurrentTime().getTime()));
  }

  private String emailOf(DelegateExecution execution, String userId) {
    if (userId == null || userId.contains("@")) {
      return userId;
    }
    User user = identityService.createUserQuery().userId(userId).singleResult();
    if (user == null || user.getEmail() == null || user.getEmail().isBlank()) {
      throw new IllegalStateException("Task '" + execution.getCurrentActivityName() + "' assigns the ticket to '"
          + userId + "', who has no email address in Camunda's users: add it in Admin, then retry");
    }
    return user.getEmail();
  }
}
