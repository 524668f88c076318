package com.gitlab.support.handoff.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** SMB advocates in Tasklist: each sees the cases of their own territory, and no other. */
class SmbCasesBrowserIT extends BrowserTestCase {

  @Autowired TaskService tasks;

  @Test
  @DisplayName("ava (AMER) and eli (EMEA+APJ) each see only their territory's new SMB case in Tasklist")
  void advocatesSeeOnlyTheirTerritory() {
    String amer = caseTaskName(openCase("AMER", "Acme Corp wants to add 12 seats"));
    String emea = caseTaskName(openCase("EMEA_APJ", "Kleine Werke GmbH asks for a quote"));

    Tasklist ava = tasklistAs("ava");
    assertThat(ava.filters()).contains("My open cases", "Pick-up SLA at risk", "Over 7 days");
    assertThat(ava.openFilter("My open cases").taskNames()).contains(amer).doesNotContain(emea);
    screenshot("tasklist-smb-advocate-amer");
    assertThat(ava.openFilter("All tasks").taskNames()).contains(amer).doesNotContain(emea);

    Tasklist eli = tasklistAs("eli");
    assertThat(eli.openFilter("My open cases").taskNames()).contains(emea).doesNotContain(amer);
    assertThat(eli.openFilter("All tasks").taskNames()).contains(emea).doesNotContain(amer);
  }

  /** Opens a case through the HTTP API as the demo administrator; returns its business key (the case key). */
  private String openCase(String territory, String subject) {
    ResponseEntity<Map> opened = http.withBasicAuth("demo", "demo").postForEntity("/api/smb-cases", Map.of(
        "subject", subject, "description", "Sent to smallbusiness@gitlab.com", "origin", "EMAIL",
        "territory", territory), Map.class);
    assertThat(opened.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return (String) opened.getBody().get("businessKey");
  }

  /** The name of the case's first task, as Tasklist lists it, once the job executor has routed the case. */
  private String caseTaskName(String caseKey) {
    Task task = await().atMost(Browser.TIMEOUT).until(
        () -> tasks.createTaskQuery().processInstanceBusinessKey(caseKey).singleResult(), Objects::nonNull);
    return task.getName();
  }
}
