package com.gitlab.support.handoff.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.gitlab.support.handoff.connector.sandbox.OutboxEntry;
import java.time.Duration;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A support engineer's day in Tasklist: pass a ticket, read the decision's guidance, answer the customer. */
class HandoffInTasklistBrowserIT extends BrowserTestCase {

  @Autowired HistoryService history;

  @Test
  @DisplayName("sam starts 'Pass a ticket to Sales' in Tasklist; a plan upgrade comes back as a task with the guidance, and the reply answers the ticket")
  void engineerAnswersAPlanUpgradeWithoutSales() {
    Tasklist tasklist = tasklistAs("sam");

    tasklist.startProcess("Pass a ticket to Sales")
        .fill("Zendesk ticket id", "4711")
        .fill("Requester's email", "jane@acme.com")
        .choose("What does the customer ask for?", "Plan upgrade")
        .fill("Summary of the request", "Wants to move the whole group from Premium to Ultimate")
        .fill("Engineer working the ticket (user id)", "sam");
    screenshot("tasklist-start-form");
    tasklist.start();

    String task = "Help the customer on ticket 4711 without Sales";
    tasklist.awaitTask("All tasks", task);
    CamundaForm form = tasklist.openTask(task);
    assertThat(form.text())
        .contains("jane@acme.com", "plan upgrades are self-service", "Upgrade in the Customer Portal");
    String reply = "Hello Jane, you can upgrade to Ultimate yourself: Customer Portal > Upgrade.";
    form.fill("Your reply to the customer", reply);
    screenshot("tasklist-task-form-filled");
    tasklist.complete(task);

    await().atMost(Duration.ofSeconds(30)).until(() ->
        history.createHistoricProcessInstanceQuery().processInstanceBusinessKey("4711").finished().count() == 1);
    OutboxEntry[] outbox = http.withBasicAuth("demo", "demo").getForObject("/api/outbox", OutboxEntry[].class);
    assertThat(outbox).filteredOn(entry -> "4711".equals(entry.ticketId()))
        .anySatisfy(entry -> {
          assertThat(entry.action()).isEqualTo("TICKET_UPDATE");
          assertThat(entry.text()).contains(reply);
        });
  }
}
