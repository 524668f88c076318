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
 * R26: SMB cases closed week by week, how many within the 7-day target (7 business days, counted from the
 * case's opening like the model's timer "7 business days after opening"), and the cases that passed the
 * 15-day limit that week (the step "Remind the advocate: 15-day limit reached" ran). Closed when the step
 * "Stamp the closed date and time" (R28) ran.
 */
@Component
class SmbClosingReport implements Report {

  static final String NAME = "smb-closing";
  static final Duration TARGET = Duration.ofDays(7);

  private static final String CLOSED = """
      SELECT c.START_TIME_ AS CLOSED, p.START_TIME_ AS OPENED FROM {ACT_HI_ACTINST} c
      JOIN {ACT_HI_PROCINST} p ON p.ID_ = c.PROC_INST_ID_
      WHERE c.ACT_ID_ = 'stampClosedAt' AND c.PROC_DEF_KEY_ = 'smbCase'
        AND c.START_TIME_ >= :start AND c.START_TIME_ < :end
      """;
  private static final String BREACHES = """
      SELECT b.START_TIME_ FROM {ACT_HI_ACTINST} b
      WHERE b.ACT_ID_ = 'warnFifteenDays' AND b.PROC_DEF_KEY_ = 'smbCase'
        AND b.START_TIME_ >= :start AND b.START_TIME_ < :end
      """;

  private final ReportHistory history;
  private final BusinessTime businessTime;

  SmbClosingReport(ReportHistory history, BusinessTime businessTime) {
    this.history = history;
    this.businessTime = businessTime;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String title() {
    return "SMB cases closed within 7 days";
  }

  @Override
  public String description() {
    return "SMB cases closed each week, closed within 7 business days of opening (met %), and cases that passed the "
        + "15-business-day limit that week.";
  }

  @Override
  public List<ReportColumn> columns() {
    return List.of(ReportColumn.date("week", "Week of"), ReportColumn.number("closed", "Closed"),
        ReportColumn.number("closedWithin7Days", "Closed within 7 days"), ReportColumn.percent("metPercent", "Met %"),
        ReportColumn.number("fifteenDayBreaches", "Passed 15 days"));
  }

  @Override
  public List<Map<String, Object>> rows(ReportPeriod period) {
    Map<String, Instant> range = Map.of("start", period.start(), "end", period.end());
    Map<LocalDate, long[]> weeks = new LinkedHashMap<>();
    period.weeks().forEach(week -> weeks.put(week, new long[3]));
    BusinessTime.Elapsed elapsed = businessTime.elapsed();
    history.query(CLOSED, range, (row, i) -> {
      Instant closed = ReportHistory.instant(row, "CLOSED");
      long[] week = weeks.computeIfAbsent(period.weekOf(closed), w -> new long[3]);
      week[0]++;
      if (elapsed.between(ReportHistory.instant(row, "OPENED"), closed).compareTo(TARGET) <= 0) {
        week[1]++;
      }
      return null;
    });
    history.query(BREACHES, range, (row, i) -> {
      weeks.computeIfAbsent(period.weekOf(ReportHistory.instant(row, "START_TIME_")), w -> new long[3])[2]++;
      return null;
    });
    List<Map<String, Object>> rows = new ArrayList<>();
    weeks.forEach((week, counts) -> {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("week", week.toString());
      row.put("closed", counts[0]);
      row.put("closedWithin7Days", counts[1]);
      row.put("metPercent", Figures.percent(counts[1], counts[0]));
      row.put("fifteenDayBreaches", counts[2]);
      rows.add(row);
    });
    return rows;
  }
}
