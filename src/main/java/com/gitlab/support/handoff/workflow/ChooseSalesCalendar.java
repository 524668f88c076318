package com.gitlab.support.handoff.workflow;

import com.gitlab.support.handoff.calendar.BusinessCalendars;
import com.gitlab.support.handoff.connector.salesforce.SalesforceConnector;
import com.gitlab.support.handoff.connector.salesforce.SalesforceUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * R9, R11: the business calendar of the salesperson Support waits for ({@code salesPersonId}): their
 * region in Salesforce ({@code handoff.salesforce.fields.user-region}), else the account's billing region
 * ({@code salesRegion}, decision salesRegion), else the default calendar. Sets {@code salesCalendar}, the
 * name the timers of the wait count on (visible in Cockpit).
 */
@Component("chooseSalesCalendar")
public class ChooseSalesCalendar implements JavaDelegate {

  /** What this delegate reads; its element template offers exactly these. */
  public static final Inputs INPUTS = new Inputs();
  private static final Input SALES_PERSON_ID = INPUTS.optional("salesPersonId");
  private static final Input SALES_REGION = INPUTS.optional("salesRegion");

  private final SalesforceConnector salesforce;
  private final SideEffects sideEffects;
  private final BusinessCalendars calendars;

  public ChooseSalesCalendar(SalesforceConnector salesforce, SideEffects sideEffects, BusinessCalendars calendars) {
    this.salesforce = salesforce;
    this.sideEffects = sideEffects;
    this.calendars = calendars;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String userId = SALES_PERSON_ID.text(execution);
    String accountRegion = SALES_REGION.text(execution);
    sideEffects.lookUp(execution, () -> {
      String personRegion = userId == null || userId.isBlank()
          ? null : salesforce.findUser(userId).map(SalesforceUser::region).orElse(null);
      return Variables.createVariables()
          .putValue("salesCalendar", calendars.nameForRegion(personRegion, accountRegion));
    });
  }
}
