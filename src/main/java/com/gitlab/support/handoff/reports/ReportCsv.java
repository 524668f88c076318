package com.gitlab.support.handoff.reports;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A report as CSV (RFC 4180): a header line of the column names, then a line per row, CRLF line ends; a
 * field with a comma, a double quote or a line break is quoted, its quotes doubled. Numbers as in the JSON,
 * an empty field for no value.
 */
final class ReportCsv {

  private ReportCsv() {}

  static String of(ReportTable table) {
    StringBuilder csv = new StringBuilder();
    List<ReportColumn> columns = table.columns();
    csv.append(columns.stream().map(column -> field(column.name())).collect(Collectors.joining(","))).append("\r\n");
    for (Map<String, Object> row : table.rows()) {
      csv.append(columns.stream().map(column -> field(row.get(column.name()))).collect(Collectors.joining(",")))
          .append("\r\n");
    }
    return csv.toString();
  }

  static String field(Object value) {
    if (value == null) {
      return "";
    }
    String text = String.valueOf(value);
    if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
      return '"' + text.replace("\"", "\"\"") + '"';
    }
    return text;
  }
}
