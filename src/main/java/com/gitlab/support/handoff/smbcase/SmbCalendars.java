package com.gitlab.support.handoff.smbcase;

import com.gitlab.support.handoff.calendar.BusinessCalendars;
import com.gitlab.support.handoff.calendar.BusinessTime;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The business calendar an SMB case's timers count on (R22–R35): its advocate's
 * ({@code handoff.calendar.people.<user id>}), else its team's ({@code territory}: AMER or EMEA_APJ), else the
 * default calendar. The diagrams say {@code ${smbCalendars.of(execution).fromNow('PT24H')}}; each call also
 * keeps the variable {@value #VARIABLE} current, so Cockpit shows which calendar the case counts on.
 */
@Component("smbCalendars")
public class SmbCalendars {

  /** The calendar name of the case, as Cockpit shows it. */
  public static final String VARIABLE = "smbCalendar";

  private final BusinessCalendars calendars;

  public SmbCalendars(BusinessCalendars calendars) {
    this.calendars = calendars;
  }

  /** The case's calendar now (its advocate may have changed), recorded in {@value #VARIABLE}. */
  public BusinessTime of(VariableScope execution) {
    String name = nameOf(execution);
    if (!name.equals(execution.getVariable(VARIABLE))) {
      execution.setVariable(VARIABLE, name);
    }
    return calendars.named(name);
  }

  /** The calendar name of the case's advocate, else of its territory's team, else DEFAULT. */
  public String nameOf(VariableScope execution) {
    return calendars.nameForPerson(text(execution, "advocate"), text(execution, "territory"));
  }

  private static String text(VariableScope execution, String name) {
    Object value = execution.getVariable(name);
    return value == null ? null : value.toString();
  }
}
