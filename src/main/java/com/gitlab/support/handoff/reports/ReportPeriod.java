package com.gitlab.support.handoff.reports;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * The days a report covers, {@code from} to {@code to} both included, in the business calendar's zone,
 * and the moment it is computed at ({@code now}, the engine clock). Weeks start on Monday.
 */
public record ReportPeriod(LocalDate from, LocalDate to, ZoneId zone, Instant now) {

  /** The default: the 12 weeks (84 days) up to and including today. */
  public static final int DEFAULT_DAYS = 84;

  /** The first moment of the period. */
  public Instant start() {
    return from.atStartOfDay(zone).toInstant();
  }

  /** The first moment after the period. */
  public Instant end() {
    return to.plusDays(1).atStartOfDay(zone).toInstant();
  }

  public boolean contains(Instant moment) {
    return !moment.isBefore(start()) && moment.isBefore(end());
  }

  /** The Monday of the week {@code moment} falls in. */
  public LocalDate weekOf(Instant moment) {
    return moment.atZone(zone).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
  }

  /** The Mondays of every week the period touches, oldest first. */
  public List<LocalDate> weeks() {
    List<LocalDate> weeks = new ArrayList<>();
    for (LocalDate week = from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)); !week.isAfter(to);
        week = week.plusWeeks(1)) {
      weeks.add(week);
    }
    return weeks;
  }
}
