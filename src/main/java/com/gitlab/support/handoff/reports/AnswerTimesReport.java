package com.gitlab.support.handoff.reports;

import com.gitlab.support.handoff.calendar.BusinessTime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * Time to Sales' answer in business hours, week by week, by account role and sales region. A handoff is
 * asked when its wait for Sales first starts (sub-process {@code waitForSales} of awaitSalesConfirmation,
 * {@code waitForPickup} of smbSalesUserHandoff) and answered at the first of: Sales confirmed contact
 * (message, or recorded in Tasklist), Sales replied on a Chatter or Slack thread (R39), the SMB team picked
 * the request up (message, Tasklist, or a reply to the reminder). The account role comes from the role
 * workflow that waited, the region from the handoff's {@code salesRegion}. Median: the middle value (mean
 * of the two middle ones); p90: nearest rank.
 */
@Component
class AnswerTimesReport implements Report {

  static final String NAME = "answer-times";

  // Three bounded queries joined here by instance id, not per-instance sub-queries: a sub-query correlated on
  // the instance made the database look up the activity history once per handoff (3 s on PostgreSQL at
  // 100,000 handoffs, minutes on H2). Each of these reads one index range (HANDOFF_IDX_HI_PROC_KEY_START,
  // HANDOFF_IDX_HI_ACT_ID_START) once. An instance's activities start at or after the instance, so the
  // lower bound :start loses none of them.
  private static final String HANDOFFS_SQL = """
      SELECT p.ID_, p.PROC_DEF_KEY_, s.PROC_DEF_KEY_ AS CALLER_KEY, region.TEXT_ AS REGION
      FROM {ACT_HI_PROCINST} p
      LEFT JOIN {ACT_HI_PROCINST} s ON s.ID_ = p.SUPER_PROCESS_INSTANCE_ID_
      LEFT JOIN {ACT_HI_VARINST} region ON region.PROC_INST_ID_ = p.ROOT_PROC_INST_ID_
        AND region.EXECUTION_ID_ = p.ROOT_PROC_INST_ID_ AND region.NAME_ = 'salesRegion'
      WHERE p.PROC_DEF_KEY_ IN ('awaitSalesConfirmation', 'smbSalesUserHandoff')
        AND p.START_TIME_ >= :start AND p.START_TIME_ < :end
      """;

  /** First wait of each instance; one that first waits at or after :end is not asked in the period anyway. */
  private static final String ASKED_SQL = """
      SELECT w.PROC_INST_ID_, MIN(w.START_TIME_) AS FIRST_ FROM {ACT_HI_ACTINST} w
      WHERE w.ACT_ID_ IN ('waitForSales', 'waitForPickup') AND w.START_TIME_ >= :start AND w.START_TIME_ < :end
      GROUP BY w.PROC_INST_ID_
      """;

  /** First answer of each instance, however long after the period it came. */
  private static final String ANSWERED_SQL = """
      SELECT a.PROC_INST_ID_, MIN(a.START_TIME_) AS FIRST_ FROM {ACT_HI_ACTINST} a
      WHERE a.ACT_ID_ IN ('salesConfirmedContact', 'confirmedInTasklist', 'repliedBeforeEscalation',
          'repliedWhileWaiting', 'smbCasePickedUp', 'pickupRecorded', 'reminderSent')
        AND a.START_TIME_ >= :start
      GROUP BY a.PROC_INST_ID_
      """;

  private final ReportHistory history;
  private final BusinessTime businessTime;

  AnswerTimesReport(ReportHistory history, BusinessTime businessTime) {
    this.history = history;
    this.businessTime = businessTime;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String title() {
    return "Time to Sales' answer";
  }

  @Override
  public String description() {
    return "Business hours from asking Sales to their answer (contact confirmed, a reply on Chatter or Slack, the SMB "
        + "team's pick-up), median and 90th percentile, by week asked, account role and sales region. Handoffs not "
        + "answered (yet) count as asked only.";
  }

  @Override
  public List<ReportColumn> columns() {
    return List.of(ReportColumn.date("week", "Week of"), ReportColumn.string("accountRole", "Account role"),
        ReportColumn.string("region", "Region"), ReportColumn.number("asked", "Asked"),
        ReportColumn.number("answered", "Answered"), ReportColumn.hours("medianHours", "Median (business hours)"),
        ReportColumn.hours("p90Hours", "90th percentile (business hours)"));
  }

  @Override
  public List<Map<String, Object>> rows(ReportPeriod period) {
    record Wait(String role, String region, Instant asked, Instant answered) {}
    // Waits start moments after their process; a week's margin keeps those whose process started just before.
    Map<String, Instant> bounds = Map.of("start", period.start().minus(java.time.Duration.ofDays(7)), "end", period.end());
    Map<String, Instant> firstAsked = firstStarts(ASKED_SQL, bounds);
    Map<String, Instant> firstAnswered = firstStarts(ANSWERED_SQL, Map.of("start", bounds.get("start")));
    List<Wait> waits = history.query(HANDOFFS_SQL, bounds,
        (row, i) -> new Wait(role(row.getString("PROC_DEF_KEY_"), row.getString("CALLER_KEY")),
            row.getString("REGION") == null ? "(none)" : row.getString("REGION"),
            firstAsked.get(row.getString("ID_")), firstAnswered.get(row.getString("ID_"))));
    BusinessTime.Elapsed elapsed = businessTime.elapsed();
    record Group(LocalDate week, String role, String region) {}
    Map<Group, List<Double>> answers = new TreeMap<>(Comparator.comparing(Group::week).thenComparing(Group::role)
        .thenComparing(Group::region));
    Map<Group, Long> asked = new LinkedHashMap<>();
    for (Wait wait : waits) {
      if (wait.asked() == null || !period.contains(wait.asked())) {
        continue;
      }
      Group group = new Group(period.weekOf(wait.asked()), wait.role(), wait.region());
      asked.merge(group, 1L, Long::sum);
      List<Double> times = answers.computeIfAbsent(group, g -> new ArrayList<>());
      if (wait.answered() != null) {
        times.add(elapsed.between(wait.asked(), wait.answered()).toMillis() / 3_600_000.0);
      }
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    answers.forEach((group, times) -> {
      times.sort(null);
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("week", group.week().toString());
      row.put("accountRole", group.role());
      row.put("region", group.region());
      row.put("asked", asked.get(group));
      row.put("answered", (long) times.size());
      row.put("medianHours", Figures.median(times));
      row.put("p90Hours", Figures.p90(times));
      rows.add(row);
    });
    return rows;
  }

  /** Instance id to the earliest start among the rows {@code sql} gives (PROC_INST_ID_, FIRST_). */
  private Map<String, Instant> firstStarts(String sql, Map<String, Instant> bounds) {
    Map<String, Instant> first = new HashMap<>();
    history.query(sql, bounds, (row, i) -> first.put(row.getString("PROC_INST_ID_"), ReportHistory.instant(row, "FIRST_")));
    return first;
  }

  /** The account role (R4) a wait belongs to, by the role workflow that waited. */
  private static String role(String processKey, String callerKey) {
    if ("smbSalesUserHandoff".equals(processKey)) {
      return "SMB_SALES_USER";
    }
    if ("namedAccountOwnerHandoff".equals(callerKey)) {
      return "NAMED_ACCOUNT_OWNER";
    }
    if ("otherAccountOwnerHandoff".equals(callerKey)) {
      return "OTHER_ACCOUNT_OWNER";
    }
    return "(none)";
  }
}
