package com.gitlab.support.handoff.reports;

/**
 * One column of a report: its {@code name} (the key in each row and the CSV header), a {@code label} for
 * people, and its {@code type}: {@code string}, {@code number} (a count), {@code percent} (0 to 100, one
 * decimal), {@code hours} (business hours, one decimal) or {@code date} ({@code YYYY-MM-DD}).
 */
public record ReportColumn(String name, String label, String type) {

  public static ReportColumn string(String name, String label) {
    return new ReportColumn(name, label, "string");
  }

  public static ReportColumn number(String name, String label) {
    return new ReportColumn(name, label, "number");
  }

  public static ReportColumn percent(String name, String label) {
    return new ReportColumn(name, label, "percent");
  }

  public static ReportColumn hours(String name, String label) {
    return new ReportColumn(name, label, "hours");
  }

  public static ReportColumn date(String name, String label) {
    return new ReportColumn(name, label, "date");
  }
}
