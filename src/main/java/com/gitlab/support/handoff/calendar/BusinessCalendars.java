package com.gitlab.support.handoff.calendar;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * The business calendars by name: the regions of {@code handoff.calendar.regions} (AMER, EMEA, APJ and the
 * SMB team EMEA_APJ of R7 built in) and the default calendar ({@code handoff.calendar.zone}). Usable from
 * BPMN, e.g. {@code timeDate="${businessCalendars.named(salesCalendar).fromNow('PT24H')}"}: the diagram
 * says whose calendar a timer counts on.
 */
@Component("businessCalendars")
public class BusinessCalendars {

  /** The name of the default calendar; {@code named} also gives it for a null or blank name. */
  public static final String DEFAULT = "DEFAULT";

  /** Other names Salesforce and the handbook use for a region (R4: APAC = APJ). */
  private static final Map<String, String> ALIASES = Map.of("APAC", "APJ", "EMEA+APJ", "EMEA_APJ");

  private final BusinessTime defaultCalendar;
  private final Map<String, BusinessTime> calendars;
  private final Map<String, String> people;

  public BusinessCalendars(CalendarProperties properties, BusinessTime defaultCalendar, DeployedHolidays deployed) {
    this.defaultCalendar = defaultCalendar;
    Map<String, BusinessTime> byName = new LinkedHashMap<>();
    properties.regions().forEach((name, region) -> {
      Set<LocalDate> holidays = new HashSet<>(properties.holidays());
      holidays.addAll(region.holidays());
      byName.put(name, new BusinessTime(name, region.zone(), region.workingHours(), holidays, () -> deployed.dates(name)));
    });
    this.calendars = Map.copyOf(byName);
    Map<String, String> people = new java.util.HashMap<>();
    properties.people().forEach((userId, calendarName) -> {
      if (!knows(calendarName)) {
        throw new IllegalStateException("handoff.calendar.people." + userId + ": unknown business calendar '"
            + calendarName + "' (known are " + String.join(", ", names()) + ", or DEFAULT)");
      }
      people.put(userId, named(calendarName).name());
    });
    this.people = Map.copyOf(people);
  }

  /**
   * The calendar name of a person by Camunda user id ({@code handoff.calendar.people}), else of
   * {@code teamRegion} when that names a calendar, else {@value #DEFAULT}.
   */
  public String nameForPerson(String userId, String teamRegion) {
    String own = userId == null ? null : people.get(userId);
    return own != null ? own : nameForRegion(teamRegion, null);
  }

  /** The calendar of a person by Camunda user id ({@code handoff.calendar.people}), else the default one. */
  public BusinessTime ofPerson(String userId) {
    return named(nameForPerson(userId, null));
  }

  /**
   * The calendar name for someone in {@code personRegion} (e.g. the Salesforce user's region), else for
   * the account's billing region {@code accountRegion}, else {@value #DEFAULT}; a region that names no
   * calendar is passed over.
   */
  public String nameForRegion(String personRegion, String accountRegion) {
    for (String region : new String[] {personRegion, accountRegion}) {
      if (region != null && !region.isBlank() && knows(region)) {
        return named(region).name();
      }
    }
    return DEFAULT;
  }

  /**
   * The calendar of that name (case does not matter; APAC is APJ), the default calendar for null or blank.
   *
   * @throws IllegalArgumentException naming the unknown calendar and the known ones
   */
  public BusinessTime named(String calendarName) {
    if (calendarName == null || calendarName.isBlank()) {
      return defaultCalendar;
    }
    String name = canonical(calendarName);
    if (DEFAULT.equals(name)) {
      return defaultCalendar;
    }
    BusinessTime calendar = calendars.get(name);
    if (calendar == null) {
      throw new IllegalArgumentException("Unknown business calendar '" + calendarName + "': known are "
          + String.join(", ", names()) + " (handoff.calendar.regions), or none for the default calendar");
    }
    return calendar;
  }

  /** Whether {@code calendarName} names a calendar (null and blank name the default one). */
  public boolean knows(String calendarName) {
    if (calendarName == null || calendarName.isBlank()) {
      return true;
    }
    String name = canonical(calendarName);
    return DEFAULT.equals(name) || calendars.containsKey(name);
  }

  /** The calendars someone counts on: those of handoff.calendar.people and the default calendar. */
  public Set<BusinessTime> calendarsOfPeople() {
    Set<BusinessTime> used = new java.util.LinkedHashSet<>();
    used.add(defaultCalendar);
    people.values().forEach(name -> used.add(named(name)));
    return used;
  }

  /** The names of the region calendars, sorted. */
  public Set<String> names() {
    return new TreeSet<>(calendars.keySet());
  }

  /** The default calendar ({@code handoff.calendar.zone}). */
  public BusinessTime defaultCalendar() {
    return defaultCalendar;
  }

  private static String canonical(String calendarName) {
    String name = calendarName.strip().toUpperCase(Locale.ROOT);
    return ALIASES.getOrDefault(name, name);
  }
}
