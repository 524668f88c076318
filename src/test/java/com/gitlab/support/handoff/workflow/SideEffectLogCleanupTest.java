package com.gitlab.support.handoff.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.gitlab.support.handoff.SalesHandoffApplication;
import com.gitlab.support.handoff.TestProfiles;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** {@code side_effect_log} does not grow without bound: what ended instances did is forgotten, nothing else. */
@SpringBootTest(classes = SalesHandoffApplication.class)
@ActiveProfiles(resolver = TestProfiles.class)
class SideEffectLogCleanupTest {

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired SideEffectLog log;
  @Autowired SideEffectLogCleanup cleanup;
  @Autowired JdbcTemplate jdbc;

  private String deploymentId;

  @BeforeEach
  void deploy() {
    jdbc.update("DELETE FROM side_effect_log");
    deploymentId = repositoryService.createDeployment().addModelInstance("waits.bpmn",
        Bpmn.createExecutableProcess("waits").camundaHistoryTimeToLive(1)
            .startEvent().userTask("work").endEvent().done()).deploy().getId();
  }

  @AfterEach
  void undeploy() {
    repositoryService.deleteDeployment(deploymentId, true);
  }

  @Test
  @DisplayName("the side effects of ended instances are removed; a running instance keeps its own, however old")
  void endedInstancesAreForgotten() {
    ProcessInstance running = runtimeService.startProcessInstanceByKey("waits");
    List<ProcessInstance> ended = List.of(runtimeService.startProcessInstanceByKey("waits"),
        runtimeService.startProcessInstanceByKey("waits"));
    for (ProcessInstance instance : ended) {
      taskService.complete(taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId());
    }
    for (ProcessInstance instance : List.of(running, ended.get(0), ended.get(1))) {
      log.record(instance.getId() + ":postChatter:005U1", instance.getId(), Map.of("chatterPostId", "0D5"));
      log.claim(instance.getId() + ":pingSlack:#sales", instance.getId());
    }

    assertThat(cleanup.removeEnded(Instant.now().minusSeconds(3600))).as("all too young").isZero();
    assertThat(cleanup.removeEnded(Instant.now().plusSeconds(1))).isEqualTo(4);

    assertThat(jdbc.queryForList("SELECT effect_key FROM side_effect_log", String.class))
        .containsExactlyInAnyOrder(running.getId() + ":postChatter:005U1", running.getId() + ":pingSlack:#sales");
    assertThat(log.find(running.getId() + ":postChatter:005U1")).get().isInstanceOf(SideEffectLog.Done.class);
  }

  @Test
  @DisplayName("more ended instances than one batch, behind running ones: every ended one goes in one run")
  void manyBatches() {
    List<ProcessInstance> running = List.of(runtimeService.startProcessInstanceByKey("waits"));
    log.record(running.get(0).getId() + ":a:", running.get(0).getId(), Map.of());
    int endedCount = SideEffectLogCleanup.BATCH + 20;
    for (int i = 0; i < endedCount; i++) {
      log.record("ended-" + i + ":a:", "ended-" + i, Map.of()); // never ran here: as good as ended
    }

    assertThat(cleanup.removeEnded(Instant.now().plusSeconds(1))).isEqualTo(endedCount);
    assertThat(jdbc.queryForObject("SELECT count(*) FROM side_effect_log", Integer.class)).isEqualTo(1);
  }
}
