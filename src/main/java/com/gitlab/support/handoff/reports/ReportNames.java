package com.gitlab.support.handoff.reports;

import java.util.List;

/** The reports of {@code /api/reports}, in the order the dashboard shows them. */
final class ReportNames {

  static final List<String> ORDER = List.of(WaitingHandoffsReport.NAME, EscalationLevelsReport.NAME,
      AnswerTimesReport.NAME, NotPassedReport.NAME, SmbPickupReport.NAME, SmbClosingReport.NAME, AdvocateLoadReport.NAME);

  private ReportNames() {}
}
