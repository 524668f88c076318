package com.gitlab.support.handoff.reports;

import java.util.List;
import java.util.Map;

/** A report's figures for a period: {@code GET /api/reports/{name}}. Each row maps column names to values. */
public record ReportTable(String name, String title, String from, String to, List<ReportColumn> columns,
    List<Map<String, Object>> rows) {}
