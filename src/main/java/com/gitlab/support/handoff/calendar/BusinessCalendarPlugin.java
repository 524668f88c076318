package com.gitlab.support.handoff.calendar;

import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.MapBusinessCalendarManager;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Puts every duration timer and every task due/follow-up duration on business time, because the
 * handbook's "24 hours" are business hours; timer cycles keep Camunda's wall-clock calendar.
 */
@Component
public class BusinessCalendarPlugin extends AbstractProcessEnginePlugin {

  private final BusinessTime businessTime;

  public BusinessCalendarPlugin(BusinessTime businessTime) {
    this.businessTime = businessTime;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    MapBusinessCalendarManager calendars = new MapBusinessCalendarManager();
    calendars.addBusinessCalendar(
        DurationBusinessCalendar.NAME, new BusinessTimeCalendar(businessTime, new DurationBusinessCalendar()));
    calendars.addBusinessCalendar(
        DueDateBusinessCalendar.NAME, new BusinessTimeCalendar(businessTime, new DueDateBusinessCalendar()));
    // TimerEntity casts the cycle calendar to CycleBusinessCalendar, so it must stay Camunda's own.
    calendars.addBusinessCalendar(CycleBusinessCalendar.NAME, new CycleBusinessCalendar());
    configuration.setBusinessCalendarManager(calendars);
  }
}
