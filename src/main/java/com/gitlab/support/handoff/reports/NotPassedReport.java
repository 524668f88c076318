package com.gitlab.support.handoff.reports;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Tickets that did not reach Sales: each salesHandoff started in the period that has ended without calling
 * a role workflow, by request type and why: the passToSales decision said not to (R2, with the macro the
 * engineer was given), the requester's domain is not in Salesforce (the New Sales Quote macro), or the
 * ticket was solved in Zendesk first (R40).
 */
@Component
class NotPassedReport implements Report {

  static final String NAME = "not-passed";

  // The ended handoffs, those that called a role workflow and those whose ticket was solved are read apart
  // and put together here by instance id: NOT EXISTS / EXISTS correlated on each instance looked the activity
  // history up once per handoff (1.3 s on PostgreSQL at 100,000 handoffs, far longer on H2). An instance's
  // activities start at or after the instance, so :start bounds them too.
  private static final String HANDOFFS_SQL = """
      SELECT p.ID_, req.TEXT_ AS REQUEST_TYPE, p.END_ACT_ID_, mac.TEXT_ AS MACRO
      FROM {ACT_HI_PROCINST} p
      LEFT JOIN {ACT_HI_VARINST} req ON req.PROC_INST_ID_ = p.ID_ AND req.EXECUTION_ID_ = p.ID_ AND req.NAME_ = 'requestType'
      LEFT JOIN {ACT_HI_VARINST} mac ON mac.PROC_INST_ID_ = p.ID_ AND mac.EXECUTION_ID_ = p.ID_ AND mac.NAME_ = 'macro'
      WHERE p.PROC_DEF_KEY_ = 'salesHandoff' AND p.START_TIME_ >= :start AND p.START_TIME_ < :end
        AND p.END_TIME_ IS NOT NULL
      """;

  private static final String PASSED_SQL = """
      SELECT DISTINCT a.PROC_INST_ID_ FROM {ACT_HI_ACTINST} a
      WHERE a.ACT_ID_ IN ('callNamedAccountOwnerHandoff', 'callSmbSalesUserHandoff', 'callOtherAccountOwnerHandoff')
        AND a.START_TIME_ >= :start
      """;

  private static final String SOLVED_SQL = """
      SELECT DISTINCT s.PROC_INST_ID_ FROM {ACT_HI_ACTINST} s
      WHERE s.ACT_ID_ = 'endedByTicketSolved' AND s.START_TIME_ >= :start
      """;

  private final ReportHistory history;

  NotPassedReport(ReportHistory history) {
    this.history = history;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String title() {
    return "Handoffs not passed to Sales";
  }

  @Override
  public String description() {
    return "Tickets started in the period that ended without reaching Sales, by request type and reason: the decision "
        + "said not to pass (with the macro used), the domain is not in Salesforce, or the ticket was solved first.";
  }

  @Override
  public List<ReportColumn> columns() {
    return List.of(ReportColumn.string("requestType", "Request type"), ReportColumn.string("reason", "Reason"),
        ReportColumn.number("handoffs", "Handoffs"));
  }

  @Override
  public List<Map<String, Object>> rows(ReportPeriod period) {
    Map<String, Instant> from = Map.of("start", period.start());
    Set<String> passed = instances(PASSED_SQL, from);
    Set<String> solved = instances(SOLVED_SQL, from);
    Map<List<String>, Long> counts = new LinkedHashMap<>();
    history.query(HANDOFFS_SQL, Map.of("start", period.start(), "end", period.end()), (row, i) -> {
      String id = row.getString("ID_");
      if (!passed.contains(id)) {
        String type = row.getString("REQUEST_TYPE") == null ? "(none)" : row.getString("REQUEST_TYPE");
        counts.merge(List.of(type, reason(row.getString("END_ACT_ID_"), row.getString("MACRO"), solved.contains(id))),
            1L, Long::sum);
      }
      return null;
    });
    List<Map<String, Object>> rows = new ArrayList<>();
    counts.entrySet().stream()
        .sorted(Map.Entry.<List<String>, Long>comparingByValue().reversed()
            .thenComparing(entry -> entry.getKey().get(0)).thenComparing(entry -> entry.getKey().get(1)))
        .forEach(entry -> {
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("requestType", entry.getKey().get(0));
          row.put("reason", entry.getKey().get(1));
          row.put("handoffs", entry.getValue());
          rows.add(row);
        });
    return rows;
  }

  /** The ids of the instances {@code sql} gives (PROC_INST_ID_). */
  private Set<String> instances(String sql, Map<String, Instant> bounds) {
    return new HashSet<>(history.query(sql, bounds, (row, i) -> row.getString("PROC_INST_ID_")));
  }

  /** Why a ticket did not reach Sales, by the end event its handoff reached. */
  static String reason(String endActivity, String macro, boolean solvedInZendesk) {
    if ("answeredBySupport".equals(endActivity)) {
      return macro == null || macro.isBlank() ? "Not for Sales" : "Not for Sales: " + macro;
    }
    if ("answeredWithQuoteMacro".equals(endActivity)) {
      return "Not in Salesforce: New Sales Quote macro";
    }
    if (solvedInZendesk) {
      return "Ticket solved before it reached Sales";
    }
    return "Cancelled";
  }
}
