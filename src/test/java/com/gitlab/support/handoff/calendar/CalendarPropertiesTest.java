package com.gitlab.support.handoff.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
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
  @Import({BusinessTime.class, DeployedHolidays.class, BusinessCalendarPlugin.class})
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
}
