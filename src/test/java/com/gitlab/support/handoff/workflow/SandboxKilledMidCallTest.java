package com.gitlab.support.handoff.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.gitlab.support.handoff.SalesHandoffApplication;
import com.gitlab.support.handoff.TestProfiles;
import java.sql.Timestamp;
import java.time.Instant;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * A node killed in the middle of a side effect, with the sandbox connectors (as the two-node cluster
 * test kills one): the database holds the claim the attempt made before its call and, if the call got
 * through, the sandbox's record of it. The job's retry, on any node, must not do it twice (R15: the
 * Slack ping that escalates a handoff).
 */
@SpringBootTest(classes = SalesHandoffApplication.class)
@ActiveProfiles(resolver = TestProfiles.class)
class SandboxKilledMidCallTest {

  private static final String PROCESS = "slackPingOnce";
  private static final String CHANNEL = "#support_sales_escalation";

  @Autowired ProcessEngine processEngine;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired JdbcTemplate jdbc;

  private String deploymentId;

  @BeforeEach
  void deploy() {
    BpmnAwareTests.init(processEngine);
    deploymentId = repositoryService.createDeployment().addModelInstance(PROCESS + ".bpmn", slackPing()).deploy().getId();
  }

  @AfterEach
  void undeploy() {
    repositoryService.deleteDeployment(deploymentId, true);
  }

  @Test
  @DisplayName("R15: killed after the sandbox recorded the ping, before the log did: the retry finds it by its key, "
      + "takes its ts and does not ping again")
  void killedAfterThePingIsNotPingedAgain() {
    ProcessInstance handoff = runtimeService.startProcessInstanceByKey(PROCESS, "T-KILLED-AFTER");
    String key = handoff.getId() + ":pingSlack:" + CHANNEL;
    claimedByAKilledNode(key);
    jdbc.update("INSERT INTO sandbox_outbox (system_name, action, ticket_id, target, text, effect_key, reference, recorded_at)"
        + " VALUES ('SLACK', 'SLACK_MESSAGE', 'T-KILLED-AFTER', ?, 'Ticket waits for Sales', ?, '1764666000.000100', ?)",
        CHANNEL, key, Timestamp.from(Instant.now()));

    managementService.executeJob(managementService.createJobQuery().processInstanceId(handoff.getId()).singleResult().getId());

    assertThat(handoff).isWaitingAt("pinged").variables().containsEntry("slackMessageTs", "1764666000.000100");
    assertThat(pingsOf("T-KILLED-AFTER")).isEqualTo(1);
  }

  @Test
  @DisplayName("R15: killed after its claim, before the ping: the sandbox has nothing under the key, so the retry pings, once")
  void killedBeforeThePingPingsOnce() {
    ProcessInstance handoff = runtimeService.startProcessInstanceByKey(PROCESS, "T-KILLED-BEFORE");
    claimedByAKilledNode(handoff.getId() + ":pingSlack:" + CHANNEL);

    managementService.executeJob(managementService.createJobQuery().processInstanceId(handoff.getId()).singleResult().getId());

    assertThat(handoff).isWaitingAt("pinged").variables().containsKey("slackMessageTs");
    assertThat(pingsOf("T-KILLED-BEFORE")).isEqualTo(1);
  }

  /** The claim a node makes before its call, left behind when it dies; a minute old, as a lock expires. */
  private void claimedByAKilledNode(String key) {
    Timestamp aMinuteAgo = Timestamp.from(Instant.now().minusSeconds(60));
    jdbc.update("INSERT INTO side_effect_log (effect_key, state, attempted_at, recorded_at) VALUES (?, 'PENDING', ?, ?)",
        key, aMinuteAgo, aMinuteAgo);
  }

  private int pingsOf(String ticketId) {
    return jdbc.queryForObject("SELECT count(*) FROM sandbox_outbox WHERE action = 'SLACK_MESSAGE' AND ticket_id = ?",
        Integer.class, ticketId);
  }

  private static BpmnModelInstance slackPing() {
    return Bpmn.createExecutableProcess(PROCESS)
        .camundaHistoryTimeToLive(1)
        .startEvent()
        .serviceTask("pingSlack").name("Ping Slack")
          .camundaAsyncBefore()
          .camundaDelegateExpression("${postSlackMessage}")
          .camundaInputParameter("slackChannel", CHANNEL)
          .camundaInputParameter("slackText", "Ticket waits for Sales")
        .userTask("pinged").name("Pinged")
        .endEvent()
        .done();
  }
}
