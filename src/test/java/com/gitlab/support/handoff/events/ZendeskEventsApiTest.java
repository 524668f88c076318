package com.gitlab.support.handoff.events;

import static com.gitlab.support.handoff.events.ZendeskEventPayloads.commentAdded;
import static com.gitlab.support.handoff.events.ZendeskEventPayloads.priorityChanged;
import static com.gitlab.support.handoff.events.ZendeskEventPayloads.statusChanged;
import static com.gitlab.support.handoff.events.ZendeskEventPayloads.trigger;
import static org.assertj.core.api.Assertions.assertThat;

import com.gitlab.support.handoff.TestProfiles;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * {@code POST /api/zendesk/events} over a real port, without a signing secret (HTTP Basic), on stand-in
 * ticket models: ticketEventsParent calls ticketEventsChild (or ticketEventsQuietChild) with the
 * ticket id as business key, both shaped as the real models are for R40, R15 and R17.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = TestProfiles.class)
class ZendeskEventsApiTest {

  @Autowired TestRestTemplate http;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired ReceivedEvents received;
  @Autowired ReceivedEventsCleanup cleanup;

  @BeforeEach
  void standInModels(@Autowired RepositoryService repository) {
    if (repository.createProcessDefinitionQuery().processDefinitionKey("ticketEventsParent").count() == 0) {
      repository.createDeployment().name("ticket events stand-ins")
          .addClasspathResource("stand-ins/ticketEventsParent.bpmn")
          .addClasspathResource("stand-ins/ticketEventsChild.bpmn")
          .addClasspathResource("stand-ins/ticketEventsQuietChild.bpmn")
          .deploy();
    }
  }

  @Test
  @DisplayName("R40 ticket solved: the called process ends on its error end event, its caller on 'Ticket solved in Zendesk'")
  void r40_solvedEndsEveryInstanceOfTheTicketOnItsEndEvent() {
    ProcessInstance parent = startHandoff("6101", "ticketEventsChild");
    String child = childOf(parent);

    ResponseEntity<Map> response = post(statusChanged("01JEVT-6101-solved", "6101", "OPEN", "SOLVED"));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getBody()).containsEntry("eventId", "01JEVT-6101-solved").containsEntry("ticketId", "6101")
        .containsEntry("taken", true);
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("6101").count()).isZero();
    assertThat(activityIds(child)).contains("childTicketSolved", "childEndedByTicketSolved").doesNotContain("childDone");
    assertThat(activityIds(parent.getId())).contains("childEndedBySolvedTicket", "parentEndedWithChild")
        .doesNotContain("parentDone", "parentTicketSolved");
    assertThat(endActivity(parent.getId())).isEqualTo("parentEndedWithChild");
    for (String instance : List.of(parent.getId(), child)) {
      assertThat(historicVariable(instance, "ticketStatus")).isEqualTo("solved");
      assertThat(historicVariable(instance, "endedBecause"))
          .isEqualTo("Ticket 6101 was solved in Zendesk at 2026-12-03T10:00:00Z");
    }
  }

  @Test
  @DisplayName("R40 a called process that does not listen: its caller gets the message and ends the call with it")
  void r40_solvedGoesUpToTheCallerWhenTheCalledProcessDoesNotListen() {
    ProcessInstance parent = startHandoff("6102", "ticketEventsQuietChild");
    String child = childOf(parent);

    ResponseEntity<Map> response = post(statusChanged("01JEVT-6102-closed", "6102", "SOLVED", "CLOSED"));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("6102").count()).isZero();
    endActivity(parent.getId());
    assertThat(activityIds(parent.getId())).contains("parentTicketSolved", "parentEndedByTicketSolved")
        .doesNotContain("parentDone", "parentEndedWithChild");
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(child).singleResult().getEndTime()).isNotNull();
    assertThat(historicVariable(parent.getId(), "ticketStatus")).isEqualTo("closed");
  }

  @Test
  @DisplayName("R40 the trigger webhook's body ends the handoff the same way")
  void r40_triggerWebhookEndsTheHandoff() {
    ProcessInstance parent = startHandoff("6103", "ticketEventsChild");

    ResponseEntity<Map> response = post(trigger("status", "6103", "Solved", "Normal"));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getBody()).containsEntry("eventId", "6103/status/2026-12-03T10:00Z").containsEntry("taken", true);
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("6103").count()).isZero();
    assertThat(endActivity(parent.getId())).isEqualTo("parentEndedWithChild");
    assertThat(historicVariable(parent.getId(), "endedBecause"))
        .isEqualTo("Ticket 6103 was solved in Zendesk at 2026-12-03T10:00:00Z");
  }

  @Test
  @DisplayName("R15 R17 priority raised to urgent: every instance has the new priority, the listening one gets the message")
  void r15_priorityRaisedReachesTheSubscribedInstance() {
    ProcessInstance parent = startHandoff("6104", "ticketEventsChild");
    String child = childOf(parent);

    ResponseEntity<Map> response = post(priorityChanged("01JEVT-6104-urgent", "6104", "NORMAL", "URGENT"));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getBody()).containsEntry("taken", true);
    assertThat(runtime.getVariable(parent.getId(), "priority")).isEqualTo("urgent");
    assertThat(runtime.getVariable(child, "priority")).isEqualTo("urgent");
    assertThat(tasks.createTaskQuery().processInstanceId(child).taskDefinitionKey("reviewRaisedPriority").count()).isEqualTo(1);
    assertThat(tasks.createTaskQuery().processInstanceId(child).taskDefinitionKey("waitForSales").count()).isEqualTo(1);
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("6104").count()).isEqualTo(2);
  }

  @Test
  @DisplayName("R17 priority raised to high by the trigger webhook; no instance listening: only the variable changes")
  void r17_triggerRaisesPriorityAndNoListenerIsFine() {
    ProcessInstance parent = startHandoff("6105", "ticketEventsQuietChild");
    String child = childOf(parent);

    ResponseEntity<Map> response = post(trigger("priority_raised", "6105", "Open", "High"));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat((String) response.getBody().get("reason")).contains("TicketPriorityRaised reached 0");
    assertThat(runtime.getVariable(parent.getId(), "priority")).isEqualTo("high");
    assertThat(runtime.getVariable(child, "priority")).isEqualTo("high");
  }

  @Test
  @DisplayName("R15 the same event twice: the second is 202 'redelivered' and changes nothing")
  void r15_redeliveredEventChangesNothing() {
    ProcessInstance parent = startHandoff("6106", "ticketEventsChild");
    String child = childOf(parent);
    String event = priorityChanged("01JEVT-6106-high", "6106", "LOW", "HIGH");
    assertThat(post(event).getStatusCode()).isEqualTo(HttpStatus.OK);
    runtime.setVariable(child, "priority", "changed by someone since");

    ResponseEntity<Map> again = post(event);

    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(again.getBody()).containsEntry("taken", false);
    assertThat((String) again.getBody().get("reason")).startsWith("redelivered");
    assertThat(tasks.createTaskQuery().processInstanceId(child).taskDefinitionKey("reviewRaisedPriority").count()).isEqualTo(1);
    assertThat(runtime.getVariable(child, "priority")).isEqualTo("changed by someone since");
  }

  @Test
  @DisplayName("R40 eight deliveries of one event at the same moment: one is taken, seven are redeliveries")
  void r40_concurrentDeliveriesAreTakenOnce() throws Exception {
    ProcessInstance parent = startHandoff("6107", "ticketEventsChild");
    String child = childOf(parent);
    String event = priorityChanged("01JEVT-6107-urgent", "6107", "HIGH", "URGENT");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<ResponseEntity<Map>> responses = new ArrayList<>();
    try {
      List<Callable<ResponseEntity<Map>>> calls = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        calls.add(() -> post(event));
      }
      for (Future<ResponseEntity<Map>> future : pool.invokeAll(calls)) {
        responses.add(future.get());
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(responses).filteredOn(r -> r.getStatusCode() == HttpStatus.OK).hasSize(1);
    assertThat(responses).filteredOn(r -> r.getStatusCode() == HttpStatus.ACCEPTED).hasSize(7)
        .allSatisfy(r -> assertThat((String) r.getBody().get("reason")).startsWith("redelivered"));
    assertThat(tasks.createTaskQuery().processInstanceId(child).taskDefinitionKey("reviewRaisedPriority").count()).isEqualTo(1);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "priority lowered,         priority, URGENT, HIGH",
      "priority raised to normal, priority, LOW,   NORMAL",
      "status to pending,        status,   OPEN,   PENDING"})
  @DisplayName("R15 R40 a lowered priority, a raise below high, a status other than solved: 202, nothing changes")
  void r15_otherChangesAreIgnored(String name, String field, String previous, String current) {
    String ticketId = "611" + Math.abs(name.hashCode() % 10);
    ProcessInstance parent = startHandoff(ticketId, "ticketEventsChild");
    String child = childOf(parent);
    String eventId = "01JEVT-" + ticketId + "-" + current;
    String body = field.equals("priority") ? priorityChanged(eventId, ticketId, previous, current)
        : statusChanged(eventId, ticketId, previous, current);

    ResponseEntity<Map> response = post(body);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(response.getBody()).containsEntry("taken", false).containsEntry("ticketId", ticketId);
    assertThat((String) response.getBody().get("reason")).contains(current.toLowerCase());
    assertThat(runtime.getVariable(child, "priority")).isEqualTo("normal");
    assertThat(tasks.createTaskQuery().processInstanceId(child).taskDefinitionKey("reviewRaisedPriority").count()).isZero();
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(ticketId).count()).isEqualTo(2);
  }

  @Test
  @DisplayName("R15 a priority removed (none now): 202, nothing changes")
  void r15_priorityRemovedIsIgnored() {
    ProcessInstance parent = startHandoff("6122", "ticketEventsChild");

    ResponseEntity<Map> response = post(priorityChanged("01JEVT-6122-none", "6122", "NORMAL", ""));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(response.getBody())
        .containsEntry("reason", "priority changed from normal to none: only a raise to high or urgent matters");
    assertThat(runtime.getVariable(parent.getId(), "priority")).isEqualTo("normal");
  }

  @Test
  @DisplayName("R40 a comment added is taken and ignored with the reason")
  void r40_commentAddedIsIgnored() {
    startHandoff("6121", "ticketEventsChild");

    ResponseEntity<Map> response = post(commentAdded("01JEVT-6121-comment", "6121"));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(response.getBody()).containsEntry("taken", false)
        .containsEntry("reason", "zen:event-type:ticket.comment_added changes nothing in a handoff");
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("6121").count()).isEqualTo(2);
  }

  @Test
  @DisplayName("R40 a ticket without a running handoff: 202 with the reason")
  void r40_unknownTicketIsIgnored() {
    ResponseEntity<Map> response = post(statusChanged("01JEVT-6199-solved", "6199", "OPEN", "SOLVED"));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(response.getBody()).containsEntry("taken", false).containsEntry("ticketId", "6199")
        .containsEntry("reason", "no running handoff for ticket 6199");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "no subject        | \"subject\":\"zen:ticket:6130\",                 | ''                                | subject",
      "a user subject    | \"subject\":\"zen:ticket:6130\"                  | \"subject\":\"zen:user:6130\"     | subject",
      "no detail.id      | \"id\":\"6130\",\"is_public\"                    | \"is_public\"                     | detail.id",
      "another detail.id | \"id\":\"6130\",\"is_public\"                    | \"id\":\"6131\",\"is_public\"     | detail.id",
      "no event.current  | \"current\":\"SOLVED\",                          | ''                                | event.current",
      "no event id       | \"id\":\"01JEVT-6130\",                          | ''                                | id",
      "an unknown type   | zen:event-type:ticket.status_changed           | ticket.solved                     | type",
      "a bad time        | 2026-12-03T10:00:00.672717030Z                 | yesterday                         | time"})
  @DisplayName("A malformed ticket event is a 400 naming the field")
  void malformedEventIsA400NamingTheField(String name, String replace, String with, String field) {
    startHandoff("6130", "ticketEventsChild");
    long running = runtime.createProcessInstanceQuery().processInstanceBusinessKey("6130").count();
    String body = statusChanged("01JEVT-6130", "6130", "OPEN", "SOLVED").replace(replace, with);
    assertThat(body).isNotEqualTo(statusChanged("01JEVT-6130", "6130", "OPEN", "SOLVED"));

    ResponseEntity<Map> response = post(body);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(response.getBody()).containsEntry("field", field);
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("6130").count()).isEqualTo(running);
  }

  @Test
  @DisplayName("A trigger body without ticket_id, or with an unknown change, or no JSON at all: 400")
  void malformedTriggerBodyIsA400() {
    ResponseEntity<Map> noTicket = post(trigger("status", "6131", "Solved", "Normal").replace("\"ticket_id\":\"6131\",", ""));
    ResponseEntity<Map> badChange = post(trigger("solved", "6131", "Solved", "Normal"));
    ResponseEntity<Map> notJson = post("ticket 6131 was solved");

    assertThat(noTicket.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(noTicket.getBody()).containsEntry("field", "ticket_id");
    assertThat(badChange.getBody()).containsEntry("field", "change");
    assertThat(notJson.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(notJson.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(received.contains("6131/status/2026-12-03T10:00Z")).isFalse();
  }

  @Test
  @DisplayName("Without a signing secret: HTTP Basic of support-engineers or camunda-admin; anonymous 401, others 403")
  void withoutSecretTakesBasicAuthentication() {
    String body = statusChanged("01JEVT-6198-solved", "6198", "OPEN", "SOLVED");

    ResponseEntity<Map> anonymous = http.exchange(ZendeskEventController.PATH, HttpMethod.POST, json(body), Map.class);
    ResponseEntity<Map> processOwner = http.withBasicAuth("pat", "pat")
        .exchange(ZendeskEventController.PATH, HttpMethod.POST, json(body), Map.class);
    ResponseEntity<Map> admin = http.withBasicAuth("admin", "admin-password")
        .exchange(ZendeskEventController.PATH, HttpMethod.POST, json(body), Map.class);

    assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(processOwner.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(admin.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
  }

  @Test
  @DisplayName("Event ids are kept 30 days, then removed")
  void receivedEventIdsAreRemovedAfter30Days() {
    Instant now = Instant.parse("2026-12-03T10:00:00Z");
    received.record("01JEVT-old", "6140", now.minus(Duration.ofDays(31)));
    received.record("01JEVT-recent", "6140", now.minus(Duration.ofDays(29)));

    cleanup.removeExpired(now);

    assertThat(received.contains("01JEVT-old")).isFalse();
    assertThat(received.contains("01JEVT-recent")).isTrue();
  }

  private ProcessInstance startHandoff(String ticketId, String childProcess) {
    return runtime.startProcessInstanceByKey("ticketEventsParent", ticketId,
        Map.of("childProcess", childProcess, "priority", "normal"));
  }

  private String childOf(ProcessInstance parent) {
    ProcessInstance child = runtime.createProcessInstanceQuery().superProcessInstanceId(parent.getId()).singleResult();
    assertThat(child).isNotNull();
    assertThat(child.getBusinessKey()).isEqualTo(parent.getBusinessKey());
    return child.getId();
  }

  private List<String> activityIds(String processInstanceId) {
    return history.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId).list().stream()
        .map(HistoricActivityInstance::getActivityId).toList();
  }

  private String endActivity(String processInstanceId) {
    HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId)
        .singleResult();
    assertThat(instance.getEndTime()).isNotNull();
    return instance.getEndActivityId();
  }

  private Object historicVariable(String processInstanceId, String name) {
    return history.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId).variableName(name)
        .singleResult().getValue();
  }

  private ResponseEntity<Map> post(String body) {
    return http.withBasicAuth("sam", "sam").exchange(ZendeskEventController.PATH, HttpMethod.POST, json(body), Map.class);
  }

  private static HttpEntity<String> json(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }
}
