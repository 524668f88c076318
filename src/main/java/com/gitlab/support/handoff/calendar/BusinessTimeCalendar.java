package com.gitlab.support.handoff.calendar;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendar;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;

/**
 * A Camunda business calendar that resolves ISO durations ({@code P2D}, {@code PT24H}) on business time;
 * anything else (a date-time, a repeat or interval) goes unchanged to Camunda's own calendar.
 */
class BusinessTimeCalendar implements BusinessCalendar {

  private final BusinessTime businessTime;
  private final BusinessCalendar camundaCalendar;

  BusinessTimeCalendar(BusinessTime businessTime, BusinessCalendar camundaCalendar) {
    this.businessTime = businessTime;
    this.camundaCalendar = camundaCalendar;
  }

  @Override
  public Date resolveDuedate(String duedate) {
    return resolveDuedate(duedate, (Date) null);
  }

  @Override
  public Date resolveDuedate(String duedate, Task task) {
    return resolveDuedate(duedate, (Date) null);
  }

  /** Resolves from {@code startDate} (a timer's creation time when the engine recalculates it), else from now. */
  @Override
  public Date resolveDuedate(String duedate, Date startDate) {
    if (!isDuration(duedate)) {
      return camundaCalendar.resolveDuedate(duedate, startDate);
    }
    Instant start = (startDate != null ? startDate : ClockUtil.getCurrentTime()).toInstant();
    try {
      return Date.from(businessTime.plus(start, BusinessDurations.parse(duedate)));
    } catch (IllegalArgumentException e) {
      throw new ProcessEngineException("Cannot resolve due date '" + duedate + "': " + e.getMessage(), e);
    }
  }

  private static boolean isDuration(String duedate) {
    return duedate != null && duedate.strip().matches("(?i)[-+]?P.*");
  }
}
