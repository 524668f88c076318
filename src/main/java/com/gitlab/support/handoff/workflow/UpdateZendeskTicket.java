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

  /** What this delegate reads; its element template offers exactly these. */
  public static final Inputs INPUTS = Inputs.withSideEffectScope();
  private static final Input TICKET_ID = INPUTS.required("ticketId");
  private static final Input TICKET_STATUS = INPUTS.optional("ticketStatus");
  private static final Input ASSIGN_TO = INPUTS.optional("assignTo");
  private static final Input ESCALATED_TO_SALES = INPUTS.optional("escalatedToSales");
  private static final Input PUBLIC_REPLY = INPUTS.optional("publicReply");
  private static final Input INTERNAL_NOTE = INPUTS.optional("internalNote");
  private static final Input CC_EMAILS = INPUTS.optional("ccEmails");

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
    String ticketId = TICKET_ID.text(execution);
    TicketUpdate update = new TicketUpdate(
        ticketId,
        TICKET_STATUS.text(execution),
        emailOf(execution, ASSIGN_TO.text(execution)),
        ESCALATED_TO_SALES.flag(execution),
        PUBLIC_REPLY.text(execution),
        INTERNAL_NOTE.text(execution),
        CC_EMAILS.list(execution));
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
