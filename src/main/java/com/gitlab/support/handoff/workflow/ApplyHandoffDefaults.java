package com.gitlab.support.handoff.workflow;

import com.gitlab.support.handoff.connector.zendesk.TicketLinks;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * On the start event of {@code salesHandoff}: every optional intake variable exists, so the model's
 * expressions and decision tables meet null (unknown) rather than a missing variable, whether the
 * handoff came from the API or from a Tasklist start form that left fields empty.
 */
@Component("applyHandoffDefaults")
public class ApplyHandoffDefaults implements ExecutionListener {

  private static final Map<String, Object> DEFAULTS = Map.of("priority", "normal", "hasSalesforceAccess", true);
  private static final String[] OPTIONAL = {
    "engineer", "tier", "nearExpiry", "newSubscription", "inRenewalPeriod", "seatsNeeded", "tamReason", "requestedBy"
  };

  private final TicketLinks links;

  public ApplyHandoffDefaults(TicketLinks links) {
    this.links = links;
  }

  @Override
  public void notify(DelegateExecution execution) {
    DEFAULTS.forEach((name, value) -> {
      if (execution.getVariable(name) == null) {
        execution.setVariable(name, value);
      }
    });
    for (String name : OPTIONAL) {
      if (!execution.hasVariable(name)) {
        execution.setVariable(name, null);
      }
    }
    if (!execution.hasVariable("ticketUrl") && execution.hasVariable("ticketId")) {
      execution.setVariable("ticketUrl", links.urlOf(execution.getVariable("ticketId").toString()));
    }
  }
}
