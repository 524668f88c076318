package com.gitlab.support.handoff.calendar;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The business calendar, as configuration so a process owner changes holidays without a release (restart only).
 *
 * @param zone the time zone in which business days start and end; default UTC
 * @param holidays ISO dates that are not business days (Family and Friends Days, global holidays)
 */
@Validated
@ConfigurationProperties("handoff.calendar")
public record CalendarProperties(
    @NotNull ZoneId zone,
    @NotNull List<@NotNull LocalDate> holidays) {

  public CalendarProperties {
    zone = zone == null ? ZoneOffset.UTC : zone;
    holidays = holidays == null ? List.of() : List.copyOf(holidays);
  }
}
