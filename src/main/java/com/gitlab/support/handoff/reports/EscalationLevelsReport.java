package com.gitlab.support.handoff.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * How far up the org chart handoffs were escalated (R11): each Account Owner handoff whose Sales were asked
 * in the period (awaitSalesConfirmation started), by the highest rung reached, the process variable
 * {@code escalationLevel} (0: the account owner only; n: the n-th manager mentioned), and apart those that
 * reached the top of the org chart (the task "Sales did not answer up to the CEO" was created). SMB handoffs
 * do not climb the org chart and are not counted.
 */
@Component
class EscalationLevelsReport implements Report {

  static final String NAME = "escalation-levels";

  private static final String SQL = """
      SELECT x.LEVEL_, x.TOP_, COUNT(*) AS HANDOFFS FROM (
        SELECT COALESCE(v.LONG_, 0) AS LEVEL_,
          CASE WHEN EXISTS (SELECT 1 FROM {ACT_HI_ACTINST} t
            WHERE t.PROC_INST_ID_ = p.ID_ AND t.ACT_ID_ = 'followUpWithoutSales') THEN 1 ELSE 0 END AS TOP_
        FROM {ACT_HI_PROCINST} p
        LEFT JOIN {ACT_HI_VARINST} v ON v.PROC_INST_ID_ = p.ID_ AND v.EXECUTION_ID_ = p.ID_ AND v.NAME_ = 'escalationLevel'
        WHERE p.PROC_DEF_KEY_ = 'awaitSalesConfirmation' AND p.START_TIME_ >= :start AND p.START_TIME_ < :end
      ) x
      GROUP BY x.LEVEL_, x.TOP_
      ORDER BY x.TOP_, x.LEVEL_
      """;

  private final ReportHistory history;

  EscalationLevelsReport(ReportHistory history) {
    this.history = history;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String title() {
    return "Escalation level reached";
  }

  @Override
  public String description() {
    return "Account Owner handoffs whose Sales were asked in the period, by the highest rung of the escalation "
        + "ladder reached: the account owner only, manager 1, 2, ..., or the top of the org chart (CEO) without an answer.";
  }

  @Override
  public List<ReportColumn> columns() {
    return List.of(ReportColumn.string("reached", "Highest level reached"), ReportColumn.number("level", "Managers asked"),
        ReportColumn.number("handoffs", "Handoffs"), ReportColumn.percent("share", "Share"));
  }

  @Override
  public List<Map<String, Object>> rows(ReportPeriod period) {
    record Level(long level, boolean top, long handoffs) {}
    List<Level> levels = history.query(SQL, Map.of("start", period.start(), "end", period.end()),
        (row, i) -> new Level(row.getLong("LEVEL_"), row.getInt("TOP_") == 1, row.getLong("HANDOFFS")));
    long total = levels.stream().mapToLong(Level::handoffs).sum();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Level level : levels) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("reached", level.top() ? "Top of the org chart (CEO)" : level.level() == 0 ? "Account owner" : "Manager " + level.level());
      row.put("level", level.level());
      row.put("handoffs", level.handoffs());
      row.put("share", Figures.percent(level.handoffs(), total));
      rows.add(row);
    }
    return rows;
  }
}
