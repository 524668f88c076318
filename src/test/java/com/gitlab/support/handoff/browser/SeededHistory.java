package com.gitlab.support.handoff.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Histories the Cockpit pages are tested on, made by driving the real processes through the HTTP API and the engine. */
final class SeededHistory {

  private final ProcessEngine engine;
  private final TestRestTemplate http;

  SeededHistory(ProcessEngine engine, TestRestTemplate http) {
    this.engine = engine;
    this.http = http;
  }

  /** sam starts a handoff through POST /api/handoffs. */
  void start(String ticketId, String requesterEmail, String requestType) {
    ResponseEntity<String> started = http.withBasicAuth("sam", "sam").postForEntity("/api/handoffs", Map.of(
        "ticketId", ticketId, "requesterEmail", requesterEmail, "requestType", requestType,
        "summary", "Customer request on ticket " + ticketId, "engineer", "sam"), String.class);
    assertThat(started.getStatusCode()).isEqualTo(HttpStatus.CREATED);
  }

  /**
   * A plan upgrade answered by sam: the decision says not for Sales (R2), sam's reply ends the handoff
   * at "Answered by Support". Returns the handoff's instance id.
   */
  String finishedPlanUpgrade(String ticketId) {
    start(ticketId, "jane@acme.com", "PLAN_UPGRADE");
    Task task = await().atMost(Browser.TIMEOUT).until(() -> engine.getTaskService().createTaskQuery()
        .processInstanceBusinessKey(ticketId).taskDefinitionKey("helpWithoutSales").singleResult(), found -> found != null);
    engine.getTaskService().complete(task.getId(),
        Variables.putValue("customerReply", "You can upgrade yourself in the Customer Portal."));
    await().atMost(Browser.TIMEOUT).until(() -> engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(ticketId).processDefinitionKey("salesHandoff").finished().count() == 1);
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(ticketId)
        .processDefinitionKey("salesHandoff").singleResult().getId();
  }

  /** A handoff to Acme's Named Account Owner, waiting for Sales to confirm contact (R8, R9): inside the sub-process waitForSales. */
  void waitingForSales(String ticketId) {
    start(ticketId, "jane@acme.com", "ALTERNATIVE_PAYMENT_METHOD");
    await().atMost(Browser.TIMEOUT).until(() -> engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(ticketId).processDefinitionKey("awaitSalesConfirmation").list().stream()
        .anyMatch(wait -> engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(wait.getId())
            .activityId("waitForSales").unfinished().count() == 1));
  }
}
