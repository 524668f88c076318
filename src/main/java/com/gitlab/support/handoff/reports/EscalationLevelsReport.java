package com.gitlab.support.handoff.reports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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

  // The handoffs and the ones that reached the top are read apart and put together here by instance id: an
  // EXISTS correlated on each instance looked the activity history up once per handoff (1.3 s on PostgreSQL,
  // 3.9 s on H2 at 100,000 handoffs). The top task starts after its instance, so :start bounds it too.
  private static final String LEVELS_SQL = """
      SELECT p.ID_, COALESCE(v.LONG_, 0) AS LEVEL_
      FROM {ACT_HI_PROCINST} p
      LEFT JOIN {ACT_HI_VARINST} v ON v.PROC_INST_ID_ = p.ID_ AND v.EXECUTION_ID_ = p.ID_ AND v.NAME_ = 'escalationLevel'
      WHERE p.PROC_DEF_KEY_ = 'awaitSalesConfirmation' AND p.START_TIME_ >= :start AND p.START_TIME_ < :end
      """;

  private static final String TOP_SQL = """
      SELECT DISTINCT t.PROC_INST_ID_ FROM {ACT_HI_ACTINST} t
      WHERE t.ACT_ID_ = 'followUpWithoutSales' AND t.START_TIME_ >= :start
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
    record Level(boolean top, long level) {}
    Set<String> reachedTop = new HashSet<>(history.query(TOP_SQL, Map.of("start", period.start()),
        (row, i) -> row.getString("PROC_INST_ID_")));
    // Ordered as before: the top of the org chart last, each part by level.
    Map<Level, Long> counts = new TreeMap<>(Comparator.comparing(Level::top).thenComparingLong(Level::level));
    history.query(LEVELS_SQL, Map.of("start", period.start(), "end", period.end()), (row, i) -> {
      counts.merge(new Level(reachedTop.contains(row.getString("ID_")), row.getLong("LEVEL_")), 1L, Long::sum);
      return null;
    });
    record Count(long level, boolean top, long handoffs) {}
    List<Count> levels = counts.entrySet().stream()
        .map(entry -> new Count(entry.getKey().level(), entry.getKey().top(), entry.getValue())).toList();
    long total = levels.stream().mapToLong(Count::handoffs).sum();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Count level : levels) {
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
