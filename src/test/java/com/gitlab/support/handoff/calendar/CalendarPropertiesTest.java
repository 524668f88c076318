package com.gitlab.support.handoff.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

class CalendarPropertiesTest {

  @Configuration
  @EnableConfigurationProperties(CalendarProperties.class)
  @Import({BusinessTime.class, BusinessCalendars.class, DeployedHolidays.class, BusinessCalendarPlugin.class})
  static class CalendarConfiguration {}

  private final ApplicationContextRunner context =
      new ApplicationContextRunner().withUserConfiguration(CalendarConfiguration.class);

  @Test
  @DisplayName("Configuration: zone and holidays bind from handoff.calendar.* as ISO values")
  void bindsZoneAndHolidays() {
    context
        .withPropertyValues(
            "handoff.calendar.zone=Europe/Berlin", "handoff.calendar.holidays=2026-12-24,2026-12-25")
        .run(ctx -> {
          CalendarProperties properties = ctx.getBean(CalendarProperties.class);
          assertThat(properties.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
          assertThat(properties.holidays())
              .containsExactly(LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 25));
          assertThat(ctx.getBean("businessTime", BusinessTime.class).isBusinessDay(LocalDate.of(2026, 12, 24)))
              .isFalse();
        });
  }

  @Test
  @DisplayName("Configuration: without handoff.calendar.* the calendar is UTC with no holidays")
  void defaultsToUtcWithoutHolidays() {
    context.run(ctx -> {
      CalendarProperties properties = ctx.getBean(CalendarProperties.class);
      assertThat(properties.zone()).isEqualTo(ZoneOffset.UTC);
      assertThat(properties.holidays()).isEmpty();
    });
  }

  @Test
  @DisplayName("Configuration: an unknown zone stops the application from starting")
  void rejectsUnknownZone() {
    context.withPropertyValues("handoff.calendar.zone=Mars/Olympus").run(ctx -> assertThat(ctx).hasFailed());
  }

  @Test
  @DisplayName("Configuration: the business calendar plugin is a bean, so the Camunda starter applies it")
  void registersPluginBean() {
    context.run(ctx -> assertThat(ctx).hasSingleBean(BusinessCalendarPlugin.class).hasBean("businessTime"));
  }

  @Test
  @DisplayName("R8 Configuration: a region's zone, working hours and own holidays bind from handoff.calendar.regions.*")
  void r8_bindsRegions() {
    context
        .withPropertyValues(
            "handoff.calendar.holidays=2026-12-25",
            "handoff.calendar.regions.APJ.zone=Asia/Tokyo",
            "handoff.calendar.regions.APJ.working-hours.start=09:00",
            "handoff.calendar.regions.APJ.working-hours.end=17:30",
            "handoff.calendar.regions.APJ.holidays=2026-12-07",
            "handoff.calendar.regions.latam.zone=America/Sao_Paulo",
            "handoff.calendar.regions.EMEA_APJ.zone=Europe/Dublin")
        .run(ctx -> {
          BusinessCalendars calendars = ctx.getBean("businessCalendars", BusinessCalendars.class);
          BusinessTime apj = calendars.named("APJ");
          assertThat(apj.zone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
          assertThat(apj.workingHours()).isEqualTo(new WorkingHours(LocalTime.of(9, 0), LocalTime.of(17, 30)));
          assertThat(apj.isBusinessDay(LocalDate.of(2026, 12, 7))).isFalse();
          assertThat(apj.isBusinessDay(LocalDate.of(2026, 12, 25))).as("global holiday").isFalse();
          assertThat(calendars.named("EMEA").isBusinessDay(LocalDate.of(2026, 12, 7))).isTrue();
          assertThat(calendars.named("EMEA").zone()).as("built in").isEqualTo(ZoneId.of("Europe/London"));
          assertThat(calendars.named("LATAM").zone()).isEqualTo(ZoneId.of("America/Sao_Paulo"));
          assertThat(calendars.named("EMEA_APJ").zone()).as("unbracketed, Spring binds the key as EMEAAPJ")
              .isEqualTo(ZoneId.of("Europe/Dublin"));
          assertThat(calendars.names()).containsExactly("AMER", "APJ", "EMEA", "EMEA_APJ", "LATAM");
        });
  }

  @Test
  @DisplayName("R8 Configuration: the default calendar takes working hours from handoff.calendar.working-hours.*")
  void r8_bindsDefaultWorkingHours() {
    context.withPropertyValues("handoff.calendar.working-hours.start=08:00", "handoff.calendar.working-hours.end=16:00")
        .run(ctx -> assertThat(ctx.getBean("businessTime", BusinessTime.class).workingHours())
            .isEqualTo(new WorkingHours(LocalTime.of(8, 0), LocalTime.of(16, 0))));
  }

  @Test
  @DisplayName("R8 Configuration: a bad zone of a region stops the start with a message naming the property")
  void r8_badRegionZoneIsNamed() {
    context.withPropertyValues("handoff.calendar.regions.APJ.zone=Mars/Olympus")
        .run(ctx -> assertThat(ctx).hasFailed().getFailure()
            .hasStackTraceContaining("handoff.calendar.regions.apj.zone").hasStackTraceContaining("Mars/Olympus"));
  }

  @Test
  @DisplayName("R8 Configuration: a bad working-hours time stops the start with a message naming the property")
  void r8_badTimeIsNamed() {
    context.withPropertyValues("handoff.calendar.regions.EMEA.working-hours.start=9 o'clock")
        .run(ctx -> assertThat(ctx).hasFailed().getFailure()
            .hasStackTraceContaining("handoff.calendar.regions.emea.working-hours.start"));
  }

  @Test
  @DisplayName("R8 Configuration: working hours ending before they start stop the start with both times named")
  void r8_endBeforeStartIsNamed() {
    context.withPropertyValues("handoff.calendar.working-hours.start=17:00", "handoff.calendar.working-hours.end=09:00")
        .run(ctx -> assertThat(ctx).hasFailed().getFailure()
            .hasStackTraceContaining("handoff.calendar")
            .hasStackTraceContaining("working-hours.end (09:00) must be after working-hours.start (17:00)"));
  }

  @Test
  @DisplayName("R8 Configuration: a region of our own needs a zone, and the message names the property")
  void r8_newRegionNeedsZone() {
    context.withPropertyValues("handoff.calendar.regions.LATAM.holidays=2026-12-07")
        .run(ctx -> assertThat(ctx).hasFailed().getFailure()
            .hasStackTraceContaining("handoff.calendar.regions.LATAM.zone is required"));
  }
}
