package com.gitlab.support.handoff.calendar;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.validation.annotation.Validated;

/**
 * The business calendars, as configuration so a process owner changes holidays without a release (restart only).
 * {@code zone}, {@code holidays} and {@code working-hours} are the default calendar, and its holidays are global:
 * every region's calendar skips them too.
 *
 * @param zone the time zone in which business days start and end; default UTC
 * @param holidays ISO dates that are not business days (Family and Friends Days, global holidays)
 * @param workingHours the default calendar's working hours; none: the whole business day counts
 * @param people the calendar name per Camunda user id of engineers and SMB advocates (e.g. jdoe: APJ): their
 *     daily review runs at 09:00 on it, and an SMB case's timers count on its advocate's; someone not listed
 *     counts on the team's region (SMB) or the default calendar
 * @param regions the calendars per region by name, each with zone, working-hours.start and .end, and holidays of its own on top of the global ones; AMER (America/New_York), EMEA (Europe/London), APJ (Australia/Sydney) and the SMB team EMEA_APJ (Europe/London) are built in
 */
@Validated
@ConfigurationProperties("handoff.calendar")
public record CalendarProperties(
    @NotNull ZoneId zone,
    @NotNull List<@NotNull LocalDate> holidays,
    @NestedConfigurationProperty WorkingHours workingHours,
    Map<String, Region> regions,
    Map<String, String> people) {

  /** The built-in regions and their zones; configuration may change each and add others. */
  public static final Map<String, ZoneId> BUILT_IN_ZONES = builtInZones();

  @ConstructorBinding
  public CalendarProperties {
    zone = zone == null ? ZoneOffset.UTC : zone;
    holidays = holidays == null ? List.of() : List.copyOf(holidays);
    workingHours = workingHours == null ? WorkingHours.WHOLE_DAY : workingHours;
    regions = withBuiltIns(regions == null ? Map.of() : regions);
    people = people == null ? Map.of() : Map.copyOf(people);
  }

  /** The default calendar alone, with the built-in regions. */
  public CalendarProperties(ZoneId zone, List<LocalDate> holidays) {
    this(zone, holidays, null, null, null);
  }

  /**
   * One region's calendar.
   *
   * @param zone its time zone; a built-in region without one keeps its built-in zone
   * @param workingHours its working hours; none: the whole business day counts
   * @param holidays its own holidays, on top of the global ones
   */
  public record Region(ZoneId zone, WorkingHours workingHours, List<LocalDate> holidays) {

    public Region {
      workingHours = workingHours == null ? WorkingHours.WHOLE_DAY : workingHours;
      holidays = holidays == null ? List.of() : List.copyOf(holidays);
    }
  }

  private static Map<String, Region> withBuiltIns(Map<String, Region> configured) {
    Map<String, Region> all = new LinkedHashMap<>();
    BUILT_IN_ZONES.forEach((name, builtInZone) -> all.put(name, new Region(builtInZone, null, null)));
    configured.forEach((key, region) -> {
      // Spring drops an underscore from an unbracketed map key (regions.EMEA_APJ binds as EMEAAPJ).
      String name = BUILT_IN_ZONES.keySet().stream().filter(builtIn -> sameName(builtIn, key)).findFirst()
          .orElse(key.strip().toUpperCase(Locale.ROOT));
      if (!name.matches("[A-Z][A-Z0-9_]*")) {
        throw new IllegalArgumentException("handoff.calendar.regions." + key
            + ": a calendar name is letters, digits and '_', starting with a letter (e.g. APJ)");
      }
      Region given = region == null ? new Region(null, null, null) : region;
      ZoneId regionZone = given.zone() != null ? given.zone() : BUILT_IN_ZONES.get(name);
      if (regionZone == null) {
        throw new IllegalArgumentException("handoff.calendar.regions." + key + ".zone is required (e.g. Asia/Tokyo)");
      }
      all.put(name, new Region(regionZone, given.workingHours(), given.holidays()));
    });
    return Map.copyOf(all);
  }

  private static boolean sameName(String builtIn, String key) {
    return builtIn.replace("_", "").equalsIgnoreCase(key.replaceAll("[^A-Za-z0-9]", ""));
  }

  private static Map<String, ZoneId> builtInZones() {
    Map<String, ZoneId> zones = new LinkedHashMap<>();
    zones.put("AMER", ZoneId.of("America/New_York"));
    zones.put("EMEA", ZoneId.of("Europe/London"));
    zones.put("APJ", ZoneId.of("Australia/Sydney"));
    // R7: the SMB advocates of EMEA and APJ are one team.
    zones.put("EMEA_APJ", ZoneId.of("Europe/London"));
    return java.util.Collections.unmodifiableMap(zones);
  }
}
