package com.gitlab.support.handoff.operations;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Indexes of ours on the engine's tables, created once the engine has created or updated its schema, with the
 * engine's table prefix. The statements are idempotent ({@code IF NOT EXISTS}: nodes starting together do not
 * clash). A database that refuses one (rights, a name taken) is logged and the application goes on: the index
 * only makes something faster.
 */
public abstract class IndexesAfterEngineBuild extends AbstractProcessEnginePlugin {

  private final Logger log = LoggerFactory.getLogger(getClass());
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
    for (String statement : indexStatements(tablePrefix)) {
      try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
        sql.execute(statement);
        if (!connection.getAutoCommit()) {
          connection.commit();
        }
      } catch (SQLException e) {
        log.warn("Index not created ({}), so {}: {}", e.getMessage(), withoutTheIndex(), statement);
      }
    }
  }

  /** The {@code CREATE INDEX IF NOT EXISTS} statements, table names with the given prefix. */
  protected abstract List<String> indexStatements(String tablePrefix);

  /** What is slower without the index, for the warning when the database refuses it. */
  protected abstract String withoutTheIndex();
}
