package com.gitlab.support.handoff.reports;

import com.gitlab.support.handoff.calendar.BusinessTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * R22: SMB cases picked up within 24 business hours of being routed to an advocate, week by week. A case is
 * routed when its task "Work case" ({@code pickUpCase}) is created and picked up when that task is
 * completed. Cases still waiting count as late once 24 business hours have passed, and as waiting before.
 */
@Component
class SmbPickupReport implements Report {

  static final String NAME = "smb-pickup";
  static final Duration SLA = Duration.ofHours(24);
  /** ActivityInstanceState.CANCELED: the case ended (deleted, say) before anyone picked it up. */
  private static final int CANCELED = 2;

  private static final String SQL = """
      SELECT a.START_TIME_, a.END_TIME_, a.ACT_INST_STATE_ FROM {ACT_HI_ACTINST} a
      WHERE a.ACT_ID_ = 'pickUpCase' AND a.PROC_DEF_KEY_ = 'smbCase'
        AND a.START_TIME_ >= :start AND a.START_TIME_ < :end
      """;

  private final ReportHistory history;
  private final BusinessTime businessTime;

  SmbPickupReport(ReportHistory history, BusinessTime businessTime) {
    this.history = history;
    this.businessTime = businessTime;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String title() {
    return "SMB cases picked up within 24 business hours";
  }

  @Override
  public String description() {
    return "SMB cases routed to an advocate each week: picked up within 24 business hours, late (picked up later, or "
        + "still waiting past 24 hours), still waiting within the 24 hours; met % of those due.";
  }

  @Override
  public List<ReportColumn> columns() {
    return List.of(ReportColumn.date("week", "Week of"), ReportColumn.number("cases", "Cases routed"),
        ReportColumn.number("pickedUpInTime", "Picked up within 24 h"), ReportColumn.number("late", "Late"),
        ReportColumn.number("waiting", "Waiting, within 24 h"), ReportColumn.percent("metPercent", "Met %"));
  }

  @Override
  public List<Map<String, Object>> rows(ReportPeriod period) {
    record Pickup(Instant routed, Instant pickedUp, boolean canceled) {}
    List<Pickup> pickups = history.query(SQL, Map.of("start", period.start(), "end", period.end()),
        (row, i) -> new Pickup(ReportHistory.instant(row, "START_TIME_"), ReportHistory.instant(row, "END_TIME_"),
            row.getInt("ACT_INST_STATE_") == CANCELED));
    BusinessTime.Elapsed elapsed = businessTime.elapsed();
    Map<LocalDate, long[]> weeks = new LinkedHashMap<>();
    period.weeks().forEach(week -> weeks.put(week, new long[4]));
    for (Pickup pickup : pickups) {
      if (pickup.canceled()) {
        continue;
      }
      long[] week = weeks.computeIfAbsent(period.weekOf(pickup.routed()), w -> new long[4]);
      week[0]++;
      Duration waited = elapsed.between(pickup.routed(), pickup.pickedUp() != null ? pickup.pickedUp() : period.now());
      if (waited.compareTo(SLA) > 0) {
        week[2]++;
      } else if (pickup.pickedUp() != null) {
        week[1]++;
      } else {
        week[3]++;
      }
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    weeks.forEach((week, counts) -> {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("week", week.toString());
      row.put("cases", counts[0]);
      row.put("pickedUpInTime", counts[1]);
      row.put("late", counts[2]);
      row.put("waiting", counts[3]);
      row.put("metPercent", Figures.percent(counts[1], counts[1] + counts[2]));
      rows.add(row);
    });
    return rows;
  }
}
