package com.gitlab.support.handoff.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What an operator sees in Cockpit when an outside system does not answer. Its context (a real,
 * unreachable Zendesk) is closed afterwards: while open, its engine would be a second one that the
 * other browser tests' webapps offer in an engine switcher.
 */
@DirtiesContext
class IncidentInCockpitBrowserIT extends BrowserTestCase {

  /** A real Zendesk client pointed at a port nobody listens on: every ticket update finds no answer. */
  @DynamicPropertySource
  static void unreachableZendesk(DynamicPropertyRegistry registry) {
    registry.add("handoff.zendesk.base-url", () -> "http://127.0.0.1:" + closedPort());
    registry.add("handoff.zendesk.email", () -> "support@example.com");
    registry.add("handoff.zendesk.api-token", () -> "not-used");
    registry.add("handoff.zendesk.escalated-to-sales-field-id", () -> "360001");
  }

  @Autowired TaskService tasks;
  @Autowired ManagementService management;

  @Test
  @DisplayName("When Zendesk does not answer, Cockpit shows the stuck handoff by its ticket id with an incident that names Zendesk and the cause")
  void operatorReadsWhyAHandoffIsStuck() {
    handoffWaitingForTheEngineer("4720");
    Task help = tasks.createTaskQuery().processInstanceBusinessKey("4720").singleResult();
    tasks.complete(help.getId(), Map.of("customerReply", "Hello Jane, you can upgrade to Ultimate yourself."));
    // The job executor tries once and backs off for a minute; an operator meets the incident once the
    // back-off is used up, which setting the retries to 0 stands for.
    Job reply = await().atMost(Browser.TIMEOUT).until(() -> management.createJobQuery()
        .processInstanceId(help.getProcessInstanceId()).withException().singleResult(), Objects::nonNull);
    management.setJobRetries(reply.getId(), 0);

    Cockpit cockpit = cockpitAs("demo").openProcess("Pass a ticket to Sales").openInstance("4720");
    String incidents = cockpit.tab("Incidents", "Zendesk");
    screenshot("cockpit-incident");

    assertThat(incidents).contains("Zendesk: no answer", "Answer the ticket");
  }

  private static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
