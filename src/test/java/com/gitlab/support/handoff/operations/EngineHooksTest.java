package com.gitlab.support.handoff.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.gitlab.support.handoff.TestProfiles;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Pins what the operations package takes from the engine's internals (org.camunda.bpm.engine.impl) and
 * from the starter's bean names, so that a Camunda upgrade or the move to Operaton that changes them
 * fails here, not in a cluster (docs/operations.md, "Migration path"): the lock owner and host name
 * that {@link NodeIdentity} sets, the execute-job command that {@link JobExecutionCounter} counts, the
 * index that {@link JobAcquisitionIndex} adds ({@link GracefulJobShutdownTest}: the job pool found by name).
 */
@SpringBootTest(properties = "handoff.cluster.node-name=pinned-node")
@ActiveProfiles(resolver = TestProfiles.class)
class EngineHooksTest {

  @Autowired ProcessEngine engine;
  @Autowired JobExecutionCounter executions;
  @Autowired DataSource dataSource;

  Deployment deployment;

  @AfterEach
  void undeploy() {
    if (deployment != null) {
      engine.getRepositoryService().deleteDeployment(deployment.getId(), true, true);
    }
  }

  @Test
  @DisplayName("The node name is the job executor's lock owner and the engine's host name")
  void nodeIdentity() {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();

    assertThat(configuration.getJobExecutor().getLockOwner()).isEqualTo("pinned-node");
    assertThat(configuration.getHostname()).isEqualTo("pinned-node");
  }

  @Test
  @DisplayName("handoff.jobs.executed counts each executed job once, by outcome")
  void executedJobsAreCounted() {
    deployment = engine.getRepositoryService().createDeployment()
        .addModelInstance("pinnedJobs.bpmn", asyncStep("pinnedSucceeds", "${true}"))
        .addModelInstance("pinnedFails.bpmn", asyncStep("pinnedFails", "${noSuchBean.call()}"))
        .deploy();
    long succeededBefore = executions.succeeded();
    long failedBefore = executions.failed();

    engine.getManagementService().executeJob(jobOf("pinnedSucceeds").getId());
    String failing = jobOf("pinnedFails").getId();
    assertThatThrownBy(() -> engine.getManagementService().executeJob(failing)).isNotNull();

    assertThat(executions.succeeded() - succeededBefore).isEqualTo(1);
    assertThat(executions.failed() - failedBefore).isEqualTo(1);
  }

  @Test
  @DisplayName("The job-acquisition index is on ACT_RU_JOB after start-up")
  void jobAcquisitionIndexExists() throws SQLException {
    assertThat(indexesOf("ACT_RU_JOB")).contains("HANDOFF_IDX_JOB_DUE");
  }

  private Job jobOf(String processKey) {
    String instance = engine.getRuntimeService().startProcessInstanceByKey(processKey).getId();
    return engine.getManagementService().createJobQuery().processInstanceId(instance).singleResult();
  }

  private static BpmnModelInstance asyncStep(String key, String expression) {
    return Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1)
        .startEvent().serviceTask("step").camundaAsyncBefore().camundaExpression(expression).endEvent().done();
  }

  /** Index names in upper case: H2 keeps them so, PostgreSQL folds them to lower case. */
  private List<String> indexesOf(String table) throws SQLException {
    List<String> names = new ArrayList<>();
    try (Connection connection = dataSource.getConnection()) {
      DatabaseMetaData metadata = connection.getMetaData();
      for (String name : List.of(table, table.toLowerCase())) {
        try (ResultSet indexes = metadata.getIndexInfo(null, null, name, false, false)) {
          while (indexes.next()) {
            String index = indexes.getString("INDEX_NAME");
            if (index != null) {
              names.add(index.toUpperCase());
            }
          }
        }
      }
    }
    return names;
  }
}
