package com.gitlab.support.handoff.handoff;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.gitlab.support.handoff.handoff.HandoffVariables.ticket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.gitlab.support.handoff.RemoteSystem;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.gitlab.support.handoff.ProcessTestCase;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A reply Zendesk refuses is not lost: the engineer fixes the cause and the reply goes out once. */
class RejectedReplyTest extends ProcessTestCase {

  @RegisterExtension
  static final RemoteSystem zendeskApi = RemoteSystem.zendesk();

  @DynamicPropertySource
  static void remoteSystems(DynamicPropertyRegistry registry) {
    zendeskApi.register(registry);
  }

  @Test
  @DisplayName("R2 a reply Zendesk rejects goes to 'Fix and retry' for the engineer; the retry answers the ticket once")
  void rejectedReplyIsFixedAndRetried() {
    zendeskApi.stubFor(put("/api/v2/tickets/7201.json").inScenario("closed ticket").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(422).withHeader("Content-Type", "application/json").withBody("""
            {"error": "RecordInvalid", "description": "Record validation errors",
             "details": {"status": [{"description": "Status: closed prevents ticket update", "error": "InvalidValue"}]}}"""))
        .willSetStateTo("reopened"));
    zendeskApi.stubFor(put("/api/v2/tickets/7201.json").inScenario("closed ticket").whenScenarioStateIs("reopened")
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
            .withBody("{\"ticket\": {\"id\": 7201}, \"audit\": {}}")));
    ProcessInstance pi = runtimeService().startProcessInstanceByKey("salesHandoff", ticket("7201").asking("PLAN_UPGRADE").build());
    execute(job(pi));
    complete(task(pi), withVariables("customerReply", "Please use the upgrade button in the Customer Portal."));

    execute(job(pi));

    assertThat(pi).isWaitingAt("fixAnswerTicket").task().isAssignedTo("sam");
    assertThat((String) runtimeService().getVariable(pi.getId(), "connectorError")).contains("closed prevents ticket update");

    complete(task(pi), withVariables("fixNote", "Reopened the ticket"));
    execute(job(pi));

    assertThat(pi).isEnded().hasPassed("answeredBySupport");
    zendeskApi.verify(2, putRequestedFor(urlPathEqualTo("/api/v2/tickets/7201.json")));
  }
}
