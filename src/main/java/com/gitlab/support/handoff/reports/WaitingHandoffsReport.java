package com.gitlab.support.handoff.reports;

import com.gitlab.support.handoff.calendar.BusinessTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Handoffs waiting for Sales now, by how long they have waited in business hours. A handoff waits while
 * the sub-process "Wait until Sales confirms contact" (awaitSalesConfirmation: Named and Other Account
 * Owner) or "Wait until the SMB team picks up the request" (smbSalesUserHandoff) runs; its age counts from
 * the first time it started waiting. The period does not apply: it is the state now.
 */
@Component
class WaitingHandoffsReport implements Report {

  static final String NAME = "waiting-handoffs";

  /** Lower bounds in business hours, each bucket up to the next one (excluded). */
  private static final int[] BOUNDS = {0, 8, 24, 48, 72};
  private static final String[] LABELS = {"< 8 h", "8-24 h", "24-48 h", "48-72 h", "> 72 h"};

  private static final String SQL = """
      SELECT w.PROC_INST_ID_, MIN(f.START_TIME_) AS ASKED
      FROM {ACT_HI_ACTINST} w
      JOIN {ACT_HI_ACTINST} f ON f.PROC_INST_ID_ = w.PROC_INST_ID_ AND f.ACT_ID_ = w.ACT_ID_
      WHERE w.ACT_ID_ IN ('waitForSales', 'waitForPickup') AND w.END_TIME_ IS NULL
        AND w.PROC_DEF_KEY_ IN ('awaitSalesConfirmation', 'smbSalesUserHandoff')
      GROUP BY w.PROC_INST_ID_
      """;

  private final ReportHistory history;
  private final BusinessTime businessTime;

  WaitingHandoffsReport(ReportHistory history, BusinessTime businessTime) {
    this.history = history;
    this.businessTime = businessTime;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String title() {
    return "Handoffs waiting for Sales";
  }

  @Override
  public String description() {
    return "Handoffs waiting for Sales now (Account Owner confirmation or SMB pick-up), by business hours since "
        + "Sales was first asked. The state now: the date range does not apply.";
  }

  @Override
  public List<ReportColumn> columns() {
    return List.of(ReportColumn.string("age", "Waiting for (business hours)"),
        ReportColumn.number("fromHours", "From (hours)"), ReportColumn.number("handoffs", "Handoffs"));
  }

  @Override
  public List<Map<String, Object>> rows(ReportPeriod period) {
    List<Instant> asked = history.query(SQL, Map.of(), (row, i) -> ReportHistory.instant(row, "ASKED"));
    BusinessTime.Elapsed elapsed = businessTime.elapsed();
    long[] counts = new long[BOUNDS.length];
    for (Instant since : asked) {
      Duration waited = elapsed.between(since, period.now());
      counts[bucket(waited)]++;
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < BOUNDS.length; i++) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("age", LABELS[i]);
      row.put("fromHours", BOUNDS[i]);
      row.put("handoffs", counts[i]);
      rows.add(row);
    }
    return rows;
  }

  private static int bucket(Duration waited) {
    int bucket = 0;
    while (bucket + 1 < BOUNDS.length && waited.compareTo(Duration.ofHours(BOUNDS[bucket + 1])) >= 0) {
      bucket++;
    }
    return bucket;
  }
}
