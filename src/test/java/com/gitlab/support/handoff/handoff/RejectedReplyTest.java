package com.gitlab.support.handoff.handoff;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.gitlab.support.handoff.handoff.HandoffVariables.ticket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import com.gitlab.support.handoff.ProcessTestCase;
import com.gitlab.support.handoff.RemoteSystem;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A reply Zendesk refuses is not lost: the engineer fixes the cause and the reply goes out once, or
 * answers by hand and the handoff goes on without it (docs/refusals.md).
 */
class RejectedReplyTest extends ProcessTestCase {

  private static final String TICKET = "/api/v2/tickets/7201.json";
  private static final String FIX_TASK = "fixRefusedStep";

  @RegisterExtension
  static final RemoteSystem zendeskApi = RemoteSystem.zendesk();

  @DynamicPropertySource
  static void remoteSystems(DynamicPropertyRegistry registry) {
    zendeskApi.register(registry);
  }

  private ProcessInstance pi;

  @BeforeEach
  void zendeskRefusesTheFirstReply() {
    zendeskApi.stubFor(put(TICKET).inScenario("closed ticket").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(422).withHeader("Content-Type", "application/json").withBody("""
            {"error": "RecordInvalid", "description": "Record validation errors",
             "details": {"status": [{"description": "Status: closed prevents ticket update", "error": "InvalidValue"}]}}"""))
        .willSetStateTo("reopened"));
    zendeskApi.stubFor(put(TICKET).inScenario("closed ticket").whenScenarioStateIs("reopened")
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
            .withBody("{\"ticket\": {\"id\": 7201}, \"audit\": {}}")));
    pi = runtimeService().startProcessInstanceByKey("salesHandoff", ticket("7201").asking("PLAN_UPGRADE").build());
    runAsyncSteps(pi);
    complete("7201", "helpWithoutSales", Map.of("customerReply", "Please use the upgrade button in the Customer Portal."));
  }

  @Test
  @DisplayName("R2 a reply Zendesk rejects goes to 'Fix and retry' for the engineer; the retry answers the ticket once")
  void rejectedReplyIsFixedAndRetried() {
    Task fix = task("7201", FIX_TASK);
    assertThat(fix.getName()).isEqualTo("Fix and retry the reply on ticket 7201");
    assertThat(fix).isAssignedTo("sam");
    assertThat((String) runtimeService().getVariable(fix.getProcessInstanceId(), "connectorError"))
        .contains("closed prevents ticket update");
    assertThat(pi).isWaitingAt("answerTicket");
    assertThat(runtimeService().createIncidentQuery().processInstanceId(pi.getId()).singleResult().getIncidentMessage())
        .contains("Zendesk", "closed prevents ticket update");

    complete("7201", FIX_TASK, Map.of("fixOutcome", "RETRY", "fixNote", "Reopened the ticket"));

    assertThat(pi).isEnded().hasPassed("answeredBySupport");
    zendeskApi.verify(2, putRequestedFor(urlPathEqualTo(TICKET)));
  }

  @Test
  @DisplayName("R2 a reply Zendesk rejects that the engineer sent by hand is not sent again; the handoff ends as answered")
  void rejectedReplyDoneByHand() {
    complete("7201", FIX_TASK, Map.of("fixOutcome", "DONE_BY_HAND", "fixNote", "Answered from the Zendesk agent view"));

    assertThat(pi).isEnded().hasPassed("answeredBySupport").hasNotPassed("answerTicket");
    zendeskApi.verify(1, putRequestedFor(urlPathEqualTo(TICKET)));
    assertThat(runtimeService().createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();
  }

  @Test
  @DisplayName("R40 the ticket solved in Zendesk while a refused reply waits: the handoff and its fix task end, nothing is sent")
  void refusalTaskEndsWhenTheTicketIsSolved() {
    runtimeService().createMessageCorrelation("TicketSolvedInZendesk").processInstanceId(pi.getId())
        .setVariable("endedBecause", "Ticket 7201 was solved in Zendesk").correlateWithResult();

    assertThat(pi).isEnded();
    assertThat(task("7201", FIX_TASK)).isNull();
    assertThat(runtimeService().createProcessInstanceQuery().processInstanceBusinessKey("7201").count()).isZero();
    zendeskApi.verify(1, putRequestedFor(urlPathEqualTo(TICKET)));
  }
}
