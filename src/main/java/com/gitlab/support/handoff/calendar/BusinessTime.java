package com.gitlab.support.handoff.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Objects;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Business time: wall-clock time with weekends and holidays cut out, in the calendar's zone
 * ("24 hours" in the handbook means 24 hours of business days), optionally only within working
 * hours. Usable from BPMN, e.g. {@code timeDate="${businessTime.plusHours(24)}"} for the default
 * calendar or {@code timeDate="${businessCalendars.named(salesCalendar).fromNow('PT24H')}"} for a
 * region's ({@link BusinessCalendars}).
 *
 * <p>Arithmetic runs on local wall-clock time, so a business day always counts 24 hours, also on a
 * daylight-saving change (Friday 15:00 + 24 h is Monday 15:00 local on both sides of it); a result
 * that falls into a spring-forward gap moves later by the gap, and one in a fall-back overlap takes
 * the earlier offset.
 *
 * <p>With working hours (e.g. 09:00-17:00) only those hours of a business day count: {@code PT24H}
 * is 24 working hours (three days of eight), {@code P1D} the same local time one business day later;
 * a start outside them counts from the next opening.
 *
 * <p>Holidays are those of {@code handoff.calendar.holidays} (global), the calendar's own, and those
 * of the deployed decision {@code holidays} ({@link DeployedHolidays}) for every region or for this
 * one, read afresh for each calculation.
 */
@Component("businessTime")
public class BusinessTime {

  private final String name;
  private final ZoneId zone;
  private final WorkingHours workingHours;
  private final Set<LocalDate> configuredHolidays;
  private final Supplier<Set<LocalDate>> deployedHolidays;

  /** The configured default calendar only (no deployed holidays). */
  public BusinessTime(CalendarProperties properties) {
    this(properties, Set::of);
  }

  /** The default calendar: {@code handoff.calendar.zone}, {@code .holidays}, {@code .working-hours}. */
  @Autowired
  public BusinessTime(CalendarProperties properties, DeployedHolidays deployedHolidays) {
    this(properties, deployedHolidays::dates);
  }

  BusinessTime(CalendarProperties properties, Supplier<Set<LocalDate>> deployedHolidays) {
    this(BusinessCalendars.DEFAULT, properties.zone(), properties.workingHours(),
        Set.copyOf(properties.holidays()), deployedHolidays);
  }

  /**
   * A named calendar.
   *
   * @param holidays every configured day off of this calendar (the global ones included)
   * @param deployedHolidays the deployed days off that count for this calendar
   */
  public BusinessTime(String name, ZoneId zone, WorkingHours workingHours, Set<LocalDate> holidays,
      Supplier<Set<LocalDate>> deployedHolidays) {
    this.name = Objects.requireNonNull(name, "name");
    this.zone = Objects.requireNonNull(zone, "zone");
    this.workingHours = workingHours == null ? WorkingHours.WHOLE_DAY : workingHours;
    this.configuredHolidays = Set.copyOf(holidays);
    this.deployedHolidays = deployedHolidays;
  }

  /** The calendar's name, e.g. {@code APJ}; {@value BusinessCalendars#DEFAULT} for the default calendar. */
  public String name() {
    return name;
  }

  /** The zone in which this calendar's days and working hours are local. */
  public ZoneId zone() {
    return zone;
  }

  /** The hours of a business day that count; {@link WorkingHours#WHOLE_DAY} when none are set. */
  public WorkingHours workingHours() {
    return workingHours;
  }

  /**
   * Adds business time to {@code start}; a start on a weekend, a holiday or outside working hours
   * counts from the next opening (without working hours: the next business day's 00:00), and the
   * result always lies on a business day.
   */
  public Instant plus(Instant start, Duration businessDuration) {
    Objects.requireNonNull(businessDuration, "businessDuration");
    if (businessDuration.isNegative()) {
      throw new IllegalArgumentException(
          "Business duration " + businessDuration + " is negative; a deadline cannot lie in the past");
    }
    return plus(start, BusinessDuration.of(businessDuration));
  }

  /** Adds whole business days (same local time), then business time, to {@code start}. */
  public Instant plus(Instant start, BusinessDuration businessDuration) {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(businessDuration, "businessDuration");
    Days days = days();
    LocalDateTime cursor = days.firstBusinessMoment(start.atZone(zone).toLocalDateTime());
    for (long day = 0; day < businessDuration.days(); day++) {
      cursor = days.nextBusinessDay(cursor.toLocalDate()).atTime(cursor.toLocalTime());
    }
    Duration remaining = businessDuration.time();
    while (true) {
      Duration restOfDay = Duration.between(cursor, days.closing(cursor.toLocalDate()));
      // Without working hours midnight belongs to the next day; with them the closing time is still today.
      boolean fits = workingHours.end() == null
          ? remaining.compareTo(restOfDay) < 0 : remaining.compareTo(restOfDay) <= 0;
      if (fits) {
        return toInstant(cursor.plus(remaining));
      }
      remaining = remaining.minus(restOfDay);
      cursor = days.opening(days.nextBusinessDay(cursor.toLocalDate()));
    }
  }

  /** The moment {@code hours} business hours from now (the engine clock). */
  public Date plusHours(int hours) {
    return Date.from(plus(now(), Duration.ofHours(hours)));
  }

  /** The moment {@code days} business days from now (the engine clock): same local time, days later. */
  public Date plusDays(int days) {
    return Date.from(plus(now(), Duration.ofDays(days)));
  }

  /** The moment an ISO-8601 business duration such as {@code P2D} or {@code PT24H} from now (the engine clock). */
  public Date fromNow(String isoDuration) {
    return Date.from(plus(now(), BusinessDuration.parse(isoDuration)));
  }

  /** Whether {@code date} is a business day: not Saturday, Sunday or a holiday. */
  public boolean isBusinessDay(LocalDate date) {
    return days().isBusinessDay(date);
  }

  /** The first moment strictly after {@code from} that is {@code time} local on a business day, e.g. a morning job. */
  public Instant nextBusinessDayAt(Instant from, LocalTime time) {
    Days days = days();
    LocalDate day = from.atZone(zone).toLocalDate();
    if (!days.isBusinessDay(day) || !toInstant(day.atTime(time)).isAfter(from)) {
      day = days.nextBusinessDay(day);
    }
    return toInstant(day.atTime(time));
  }

  /** {@link #nextBusinessDayAt(Instant, LocalTime)} from now (the engine clock), local time as {@code "09:00"}. */
  public Date nextBusinessDayAt(String localTime) {
    return Date.from(nextBusinessDayAt(now(), LocalTime.parse(localTime)));
  }

  /** Business time between two instants (zero when {@code to} is not after {@code from}): weekends and holidays cut out. */
  public Duration between(Instant from, Instant to) {
    return elapsed().between(from, to);
  }

  /**
   * Business time between instants with the holidays as they are now, read once: for a report that
   * measures many intervals.
   */
  public Elapsed elapsed() {
    Days days = days();
    return (from, to) -> between(days, from, to);
  }

  /** Measures business time between two instants on one reading of the holidays. */
  @FunctionalInterface
  public interface Elapsed {
    Duration between(Instant from, Instant to);
  }

  private Duration between(Days days, Instant from, Instant to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (!to.isAfter(from)) {
      return Duration.ZERO;
    }
    LocalDateTime start = from.atZone(zone).toLocalDateTime();
    LocalDateTime end = to.atZone(zone).toLocalDateTime();
    Duration total = Duration.ZERO;
    for (LocalDate day = start.toLocalDate(); !day.isAfter(end.toLocalDate()); day = day.plusDays(1)) {
      if (!days.isBusinessDay(day)) {
        continue;
      }
      LocalDateTime dayStart = day.atStartOfDay();
      LocalDateTime dayEnd = day.plusDays(1).atStartOfDay();
      LocalDateTime a = start.isAfter(dayStart) ? start : dayStart;
      LocalDateTime b = end.isBefore(dayEnd) ? end : dayEnd;
      if (b.isAfter(a)) {
        total = total.plus(Duration.between(a, b));
      }
    }
    return total;
  }

  /** The holidays as they are now: read once for a whole calculation. */
  private Days days() {
    Set<LocalDate> deployed = deployedHolidays.get();
    if (deployed.isEmpty()) {
      return new Days(configuredHolidays, workingHours);
    }
    Set<LocalDate> all = new HashSet<>(configuredHolidays);
    all.addAll(deployed);
    return new Days(all, workingHours);
  }

  private record Days(Set<LocalDate> holidays, WorkingHours hours) {

    boolean isBusinessDay(LocalDate date) {
      DayOfWeek day = date.getDayOfWeek();
      return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !holidays.contains(date);
    }

    /** {@code local} itself within working hours on a business day, else the next opening. */
    LocalDateTime firstBusinessMoment(LocalDateTime local) {
      LocalDate date = local.toLocalDate();
      if (isBusinessDay(date)) {
        if (local.isBefore(opening(date))) {
          return opening(date);
        }
        if (local.isBefore(closing(date))) {
          return local;
        }
      }
      return opening(nextBusinessDay(date));
    }

    LocalDateTime opening(LocalDate date) {
      return date.atTime(hours.start());
    }

    LocalDateTime closing(LocalDate date) {
      return hours.end() == null ? date.plusDays(1).atStartOfDay() : date.atTime(hours.end());
    }

    LocalDate nextBusinessDay(LocalDate date) {
      LocalDate next = date.plusDays(1);
      while (!isBusinessDay(next)) {
        next = next.plusDays(1);
      }
      return next;
    }
  }

  private Instant toInstant(LocalDateTime local) {
    // ofLocal moves a time in a gap later by the gap and picks the earlier offset in an overlap.
    return ZonedDateTime.ofLocal(local, zone, null).toInstant();
  }

  @Override
  public String toString() {
    return name + " (" + zone + ", " + workingHours + ")";
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
