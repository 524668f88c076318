package com.gitlab.support.handoff.reports;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
public class ReportIndexes extends AbstractProcessEnginePlugin {

  static final String SCRIPT = "db/report-indexes.sql";
  private static final Logger LOG = LoggerFactory.getLogger(ReportIndexes.class);

  private String tablePrefix = "";
  private DataSource dataSource;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    tablePrefix = configuration.getDatabaseTablePrefix() == null ? "" : configuration.getDatabaseTablePrefix();
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    dataSource = configuration.getDataSource();
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    for (String statement : statements(tablePrefix)) {
      try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
        sql.execute(statement);
        if (!connection.getAutoCommit()) {
          connection.commit();
        }
      } catch (SQLException e) {
        // The database refuses (rights, a name taken): the reports still work, only slower.
        LOG.warn("Report index not created ({}): {}", e.getMessage(), statement);
      }
    }
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
