package com.gitlab.support.handoff.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The benchmark table, printed as Markdown as it goes and at the end. */
final class Results {

  private record Row(String database, String measure, String result, String target, String ratio) {}

  private final List<Row> rows = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  void add(String database, String measure, String result, String target, BenchmarkRunner.Rate rate,
      BenchmarkRunner.Rate floor) {
    String ratio = rate == null || floor == null ? "—"
        : String.format(Locale.ROOT, "%.2f", rate.perSecond() / floor.perSecond());
    Row row = new Row(database, measure, result, target, ratio);
    rows.add(row);
    System.out.printf("[bench] %s | %s | %s | %s | %s%n", row.database, row.measure, row.result, row.target, row.ratio);
  }

  void note(String database, String note) {
    notes.add(database + ": " + note);
    System.out.println("[bench] note " + database + ": " + note);
  }

  String markdown(String footer) {
    StringBuilder text = new StringBuilder(
        "| database | measure | result | target | ratio to floor |\n|---|---|---|---|---|\n");
    rows.forEach(r -> text.append("| ").append(r.database).append(" | ").append(r.measure).append(" | ")
        .append(r.result).append(" | ").append(r.target).append(" | ").append(r.ratio).append(" |\n"));
    text.append('\n');
    notes.forEach(n -> text.append("- ").append(n).append('\n'));
    text.append("- ").append(footer).append('\n');
    return text.toString();
  }
}
