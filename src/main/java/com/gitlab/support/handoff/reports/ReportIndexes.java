package com.gitlab.support.handoff.reports;

import com.gitlab.support.handoff.operations.IndexesAfterEngineBuild;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.util.StreamUtils;

/**
 * Applies {@code db/report-indexes.sql} once the engine has created or updated its tables: the indexes the
 * report queries on the history need to stay fast at 100,000 handoffs. Idempotent ({@code IF NOT EXISTS});
 * a database whose indexes a DBA manages turns it off with {@code handoff.reports.history-indexes=false}.
 */
@Component
@ConditionalOnProperty(prefix = "handoff.reports", name = "history-indexes", matchIfMissing = true)
public class ReportIndexes extends IndexesAfterEngineBuild {

  static final String SCRIPT = "db/report-indexes.sql";

  @Override
  protected java.util.List<String> indexStatements(String tablePrefix) {
    return statements(tablePrefix);
  }

  @Override
  protected String withoutTheIndex() {
    return "the reports read the history more slowly";
  }

  /** The script's statements, comments dropped, with the table prefix put in. */
  static java.util.List<String> statements(String prefix) {
    try {
      String script = StreamUtils.copyToString(new ClassPathResource(SCRIPT).getInputStream(), StandardCharsets.UTF_8);
      StringBuilder code = new StringBuilder();
      for (String line : script.split("\n")) {
        if (!line.strip().startsWith("--")) {
          code.append(line).append('\n');
        }
      }
      return java.util.Arrays.stream(code.toString().split(";")).map(String::strip).filter(s -> !s.isEmpty())
          .map(s -> s.replace("${prefix}", prefix)).toList();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
