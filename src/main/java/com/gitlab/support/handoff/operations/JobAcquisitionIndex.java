package com.gitlab.support.handoff.operations;

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
import org.springframework.stereotype.Component;

/**
 * The index Camunda's own schema lacks for how this application acquires jobs: oldest due first
 * ({@code job-executor-acquire-by-due-date}), every job with a due date
 * ({@code ensure-job-due-date-not-null}, which turns the query's {@code DUEDATE_ <= now} into a range).
 *
 * <p>Without it every acquisition, on every node every few seconds, reads all of ACT_RU_JOB, tests
 * each row's exclusivity and sorts them, although ten thousand escalations waiting for next week are
 * not due; with it the database reads the due jobs in order and stops after one batch.
 * Created once, after the engine has created or updated its tables ({@code IF NOT EXISTS}: nodes
 * starting together do not clash). A database whose indexes a DBA manages turns it off with
 * {@code handoff.cluster.job-acquisition-index=false}.
 */
@Component
@ConditionalOnProperty(prefix = "handoff.cluster", name = "job-acquisition-index", matchIfMissing = true)
public class JobAcquisitionIndex extends AbstractProcessEnginePlugin {

  static final String NAME = "HANDOFF_IDX_JOB_DUE";
  private static final Logger LOG = LoggerFactory.getLogger(JobAcquisitionIndex.class);

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
    String sql = "CREATE INDEX IF NOT EXISTS " + NAME + " ON " + tablePrefix
        + "ACT_RU_JOB (DUEDATE_ ASC, RETRIES_, SUSPENSION_STATE_)";
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute(sql);
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
    } catch (SQLException e) {
      // The database refuses (rights, a name taken): acquisition still works, only slower.
      LOG.warn("Index {} for job acquisition not created ({}): job acquisition scans ACT_RU_JOB", NAME, e.getMessage());
    }
  }
}
