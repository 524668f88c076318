package com.gitlab.support.handoff.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.Map;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Cockpit's History page: a handoff that has ended (which Community Cockpit no longer shows) is found by
 * its ticket id, with its path on the diagram, its variables and its decisions; pat reads it and
 * cannot change or delete it with the requests the page itself is allowed to send.
 */
class CockpitHistoryBrowserIT extends BrowserTestCase {

  @Test
  @DisplayName("R2 pat finds a finished handoff by its ticket id in History: its path, variables and the passToSales decision")
  void r2_processOwnerReadsAFinishedHandoff() {
    finishedPlanUpgrade("4721");

    cockpitAs("pat");
    CockpitHistory history = CockpitHistory.open(browser(), engine.getName()).find("4721");

    assertThat(history.results()).contains("salesHandoff: finished");
    assertThat(history.state()).isEqualTo("finished");
    assertThat(history.marked("handoff-passed"))
        .contains("decidePassToSales", "helpWithoutSales", "answerTicket", "answeredBySupport")
        .doesNotContain("decideAccountRole");
    assertThat(history.marked("handoff-active")).isEmpty();
    assertThat(history.marked("handoff-taken")).isNotEmpty();
    assertThat(history.variable("ticketId")).isEqualTo("4721");
    assertThat(history.variable("outcome")).isEqualTo("DONT_PASS");
    assertThat(history.decision("passToSales")).contains("PLAN_UPGRADE", "DONT_PASS");
    screenshot("cockpit-history");
    history.scrollToDecisions();
    screenshot("cockpit-history-decisions");
  }

  @Test
  @DisplayName("pat cannot delete a finished handoff's history nor change a running one through Cockpit's engine API; demo can")
  void processOwnerChangesNothing() {
    String finished = finishedPlanUpgrade("4722");
    handoffWaitingForTheEngineer("4723");
    String running = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey("4723")
        .singleResult().getId();
    String variable = engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(finished)
        .variableName("ticketId").singleResult().getId();

    cockpitAs("pat");
    CockpitHistory history = CockpitHistory.open(browser(), engine.getName()).find("4722");
    assertThat(history.instanceId()).isEqualTo(finished);
    assertThat(history.send("DELETE", "/history/process-instance/" + finished, null)).isEqualTo(403);
    assertThat(history.send("DELETE", "/history/variable-instance/" + variable, null)).isEqualTo(403);
    assertThat(history.send("PUT", "/process-instance/" + running + "/variables/outcome",
        "{\"value\": \"PASS\", \"type\": \"String\"}")).isEqualTo(403);
    assertThat(history.send("DELETE", "/process-instance/" + running, null)).isEqualTo(403);

    HistoricProcessInstance kept = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceId(finished).singleResult();
    assertThat(kept).isNotNull();
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().variableId(variable).count()).isEqualTo(1);
    assertThat(engine.getRuntimeService().getVariable(running, "outcome")).isEqualTo("DONT_PASS");

    // The same request as the administrator goes through: the refusals above are pat's authorizations,
    // not a request the engine API would refuse anyway (CSRF, path).
    cockpitAs("demo");
    CockpitHistory asAdmin = CockpitHistory.open(browser(), engine.getName()).find("4722");
    assertThat(asAdmin.send("DELETE", "/history/variable-instance/" + variable, null)).isEqualTo(204);
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().variableId(variable).count()).isZero();
  }

  @Test
  @DisplayName("R20 demo finds a running SMB case by its case key in History: where it waits on the diagram")
  void r20_operatorFindsARunningSmbCase() {
    ResponseEntity<Map> opened = http.withBasicAuth("demo", "demo").postForEntity("/api/smb-cases", Map.of(
        "subject", "Tiny Tools asks for a quote", "description", "Sent to smallbusiness@gitlab.com", "origin", "EMAIL",
        "territory", "AMER"), Map.class);
    assertThat(opened.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String caseKey = (String) opened.getBody().get("businessKey");
    await().atMost(Browser.TIMEOUT).until(() -> engine.getTaskService().createTaskQuery()
        .processInstanceBusinessKey(caseKey).count() > 0);

    cockpitAs("demo");
    CockpitHistory history = CockpitHistory.open(browser(), engine.getName()).find(caseKey);

    assertThat(history.results()).contains("smbCase: running");
    assertThat(history.state()).isEqualTo("running");
    assertThat(history.marked("handoff-active")).isNotEmpty();
    assertThat(history.marked("handoff-passed")).isNotEmpty();
    assertThat(history.variable("caseKey")).isEqualTo(caseKey);
  }

  private String finishedPlanUpgrade(String ticketId) {
    return new SeededHistory(engine, http).finishedPlanUpgrade(ticketId);
  }
}
