package com.gitlab.support.handoff.reports;

import com.gitlab.support.handoff.security.Groups;
import com.gitlab.support.handoff.smbcase.SmbProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.TreeMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * R21: SMB cases In Progress per advocate now, against {@code handoff.smb.advocate-capacity} (the load at
 * which the round-robin skips an advocate). Counted like the round-robin counts: running smbCase
 * instances whose {@code caseStatus} starts with "In Progress", by their {@code advocate}. Every member
 * of the advocate groups is listed, also with none. The period does not apply: it is the state now.
 */
@Component
class AdvocateLoadReport implements Report {

  static final String NAME = "advocate-load";

  private static final String SQL = """
      SELECT adv.TEXT_ AS ADVOCATE, COUNT(*) AS CASES
      FROM {ACT_HI_PROCINST} p
      JOIN {ACT_HI_VARINST} adv ON adv.PROC_INST_ID_ = p.ID_ AND adv.EXECUTION_ID_ = p.ID_ AND adv.NAME_ = 'advocate'
      JOIN {ACT_HI_VARINST} st ON st.PROC_INST_ID_ = p.ID_ AND st.EXECUTION_ID_ = p.ID_ AND st.NAME_ = 'caseStatus'
      WHERE p.PROC_DEF_KEY_ = 'smbCase' AND p.END_TIME_ IS NULL AND st.TEXT_ LIKE 'In Progress%'
        AND adv.TEXT_ IS NOT NULL
      GROUP BY adv.TEXT_
      """;

  private final ReportHistory history;
  private final IdentityService identity;
  private final SmbProperties smb;

  AdvocateLoadReport(ReportHistory history, IdentityService identity, SmbProperties smb) {
    this.history = history;
    this.identity = identity;
    this.smb = smb;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String title() {
    return "SMB cases In Progress per advocate";
  }

  @Override
  public String description() {
    return "Cases In Progress per SMB advocate now, against the capacity at which the round-robin skips them "
        + "(handoff.smb.advocate-capacity). The state now: the date range does not apply.";
  }

  @Override
  public List<ReportColumn> columns() {
    return List.of(ReportColumn.string("advocate", "Advocate"), ReportColumn.number("inProgress", "Cases In Progress"),
        ReportColumn.number("capacity", "Capacity"), ReportColumn.percent("share", "Share of capacity"));
  }

  @Override
  public List<Map<String, Object>> rows(ReportPeriod period) {
    Map<String, Long> load = new TreeMap<>();
    for (User user : identity.createUserQuery().memberOfGroup(Groups.SMB_ADVOCATES_AMER).list()) {
      load.put(user.getId(), 0L);
    }
    for (User user : identity.createUserQuery().memberOfGroup(Groups.SMB_ADVOCATES_EMEA_APJ).list()) {
      load.put(user.getId(), 0L);
    }
    history.query(SQL, Map.of(), (row, i) -> load.put(row.getString("ADVOCATE"), row.getLong("CASES")));
    int capacity = smb.advocateCapacity();
    List<Map<String, Object>> rows = new ArrayList<>();
    load.forEach((advocate, cases) -> {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("advocate", advocate);
      row.put("inProgress", cases);
      row.put("capacity", capacity);
      row.put("share", Figures.percent(cases, capacity));
      rows.add(row);
    });
    return rows;
  }
}
