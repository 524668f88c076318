package com.gitlab.support.handoff.review;

import com.gitlab.support.handoff.calendar.BusinessTime;
import com.gitlab.support.handoff.calendar.CalendarProperties;
import java.time.LocalDate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** Today in the business calendar's zone, for the models ({@code ${today.isBusinessDay()}}, {@code ${today.date()}}). */
@Component("today")
public class Today {

  private final BusinessTime businessTime;
  private final CalendarProperties calendar;

  public Today(BusinessTime businessTime, CalendarProperties calendar) {
    this.businessTime = businessTime;
    this.calendar = calendar;
  }

  /** R16: the morning review runs on business days only (no weekend, no configured holiday). */
  public boolean isBusinessDay() {
    return businessTime.isBusinessDay(localDate());
  }

  /** ISO date, e.g. {@code 2026-11-30}. */
  public String date() {
    return localDate().toString();
  }

  private LocalDate localDate() {
    return ClockUtil.getCurrentTime().toInstant().atZone(calendar.zone()).toLocalDate();
  }
}
