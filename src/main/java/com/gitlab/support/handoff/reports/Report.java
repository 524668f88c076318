package com.gitlab.support.handoff.reports;

import java.util.List;
import java.util.Map;

/** One figure of the SLA dashboard, computed from the engine's history for a period. */
public interface Report {

  /** The name in the URL, {@code /api/reports/{name}}. */
  String name();

  String title();

  /** What the figure counts and how, in a sentence or two for the reader of the dashboard. */
  String description();

  List<ReportColumn> columns();

  /** The rows, each with a value (or null) for every column. */
  List<Map<String, Object>> rows(ReportPeriod period);
}
