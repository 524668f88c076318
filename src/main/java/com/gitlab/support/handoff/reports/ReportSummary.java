package com.gitlab.support.handoff.reports;

/** An entry of {@code GET /api/reports}. */
public record ReportSummary(String name, String title, String description) {}
