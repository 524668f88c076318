package com.gitlab.support.handoff.handoff;

import static com.gitlab.support.handoff.handoff.HandoffVariables.ticket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import com.gitlab.support.handoff.ProcessTestCase;
import com.gitlab.support.handoff.connector.sandbox.OutboxEntry;
import com.gitlab.support.handoff.events.EventOutcome;
import com.gitlab.support.handoff.events.TicketEvent;
import com.gitlab.support.handoff.events.TicketEvents;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * R40, R15, R17 through the real models: Zendesk's ticket events, as {@code POST /api/zendesk/events}
 * hands them to {@link TicketEvents}, reach every running process of the ticket.
 */
class TicketEventsProcessTest extends ProcessTestCase {


  @Autowired TicketEvents ticketEvents;

  private final String ticketId = "Z" + UUID.randomUUID().toString().substring(0, 8);

  @BeforeEach
  void onFriday() {
    clockAt(FRIDAY_15_00);
  }

  @Test
  @DisplayName("R40 a ticket solved mid-ladder ends salesHandoff, the Named workflow and the ladder on 'Ticket solved in Zendesk'; nothing more is sent")
  void r40_solvedMidLadderEndsEveryProcess() {
    ProcessInstance handoff = start(ticket(ticketId).from("jane@acme.com").asking("ALTERNATIVE_PAYMENT_METHOD"));
    fire(ticketId, "escalationDue");
    int sent = outboxFor(ticketId).size();
    assertThat(outboxFor(ticketId)).filteredOn(e -> e.action().equals("CHATTER_POST")).hasSize(2);

    EventOutcome outcome = ticketEvents.receive(status("solved"));

    assertThat(outcome.taken()).isTrue();
    assertThat(runtimeService().createProcessInstanceQuery().processInstanceBusinessKey(ticketId).count()).isZero();
    assertEndedAt("salesHandoff", "handoffEndedBySolvedTicket");
    assertEndedAt("namedAccountOwnerHandoff", "endedWithTicketSolved");
    assertEndedAt("awaitSalesConfirmation", "endedByTicketSolved");
    assertThat(historyService().createHistoricVariableInstanceQuery().processInstanceId(handoff.getId())
        .variableName("endedBecause").singleResult().getValue()).asString()
        .startsWith("Ticket " + ticketId + " was solved in Zendesk");
    assertThat(managementService().createJobQuery().processInstanceId(handoff.getId()).count()).isZero();
    assertThat(outboxFor(ticketId)).hasSize(sent);
  }

  @Test
  @DisplayName("R40 a ticket closed while the SMB team is waited for ends the SMB workflow; the SMB Sales Case lives on")
  void r40_closedWhileTheSmbTeamIsWaitedFor() {
    start(ticket(ticketId).from("ceo@tinytools.io").asking("PURCHASE_ORDER_OR_QUOTE"));

    ticketEvents.receive(status("closed"));

    assertThat(runtimeService().createProcessInstanceQuery().processInstanceBusinessKey(ticketId).count()).isZero();
    assertEndedAt("smbSalesUserHandoff", "endedByTicketSolved");
    assertEndedAt("salesHandoff", "handoffEndedBySolvedTicket");
  }

  @Test
  @DisplayName("R40 a ticket solved while the engineer helps without Sales ends salesHandoff itself")
  void r40_solvedWhileTheEngineerHelps() {
    ProcessInstance handoff = start(ticket(ticketId).asking("PLAN_UPGRADE"));
    assertThat(handoff).isWaitingAt("helpWithoutSales");

    ticketEvents.receive(status("solved"));

    assertThat(handoff).isEnded().hasPassed("endedByTicketSolved");
  }

  @Test
  @DisplayName("R40 a status other than solved or closed changes nothing")
  void r40_pendingChangesNothing() {
    ProcessInstance handoff = start(ticket(ticketId).asking("PLAN_UPGRADE"));

    EventOutcome outcome = ticketEvents.receive(status("pending"));

    assertThat(outcome.taken()).isFalse();
    assertThat(handoff).isWaitingAt("helpWithoutSales");
  }

  @Test
  @DisplayName("R15 a ticket raised to urgent while Sales is waited for is pinged on Slack at once, once")
  void r15_raisedToUrgentPingsAtOnce() {
    start(ticket(ticketId).from("jane@acme.com").asking("ALTERNATIVE_PAYMENT_METHOD").with("priority", "normal"));
    assertThat(slackMessages()).isEmpty();

    ticketEvents.receive(priority("normal", "urgent"));
    runAsyncSteps(ticketId);
    ticketEvents.receive(priority("high", "urgent"));
    runAsyncSteps(ticketId);

    assertThat(slackMessages()).filteredOn(message -> message.text().contains("became urgent")).singleElement()
        .extracting(OutboxEntry::text).asString().contains("Ticket " + ticketId + " for Acme became urgent");
    assertThat(slackMessages()).filteredOn(message -> message.text().startsWith("@Tom TAM")).hasSize(1);
  }

  @Test
  @DisplayName("R17 a ticket raised to high involves the account's TAM now: cc on the ticket and a Slack mention")
  void r17_raisedToHighInvolvesTheTam() {
    start(ticket(ticketId).from("jane@acme.com").asking("ALTERNATIVE_PAYMENT_METHOD").with("priority", "normal"));
    assertThat(slackMessages()).isEmpty();

    ticketEvents.receive(priority("normal", "high"));
    runAsyncSteps(ticketId);

    assertThat(outboxFor(ticketId)).filteredOn(e -> e.action().equals("TICKET_UPDATE"))
        .anySatisfy(update -> assertThat(update.text()).contains("Tom TAM (Technical Account Manager) is copied"));
    assertThat(slackMessages()).singleElement().extracting(OutboxEntry::text).asString()
        .startsWith("@Tom TAM: ticket").contains("was raised to high");
  }

  private TicketEvent status(String status) {
    return new TicketEvent(UUID.randomUUID().toString(), ticketId, TicketEvent.Change.STATUS_CHANGED,
        "zen:event-type:ticket.status_changed", status, "open", ClockUtil.getCurrentTime().toInstant());
  }

  private TicketEvent priority(String from, String to) {
    return new TicketEvent(UUID.randomUUID().toString(), ticketId, TicketEvent.Change.PRIORITY_CHANGED,
        "zen:event-type:ticket.priority_changed", to, from, ClockUtil.getCurrentTime().toInstant());
  }

  private ProcessInstance start(HandoffVariables variables) {
    ProcessInstance instance = runtimeService().startProcessInstanceByKey("salesHandoff", ticketId,
        variables.with("ticketId", ticketId).build());
    runAsyncSteps(ticketId);
    return instance;
  }

  private List<OutboxEntry> slackMessages() {
    return outbox(ticketId, "SLACK_MESSAGE");
  }

  /** The ticket's instance of this process has ended, and passed {@code endEventId} on its way out. */
  private void assertEndedAt(String processKey, String endEventId) {
    HistoricProcessInstance instance = historyService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(processKey).processInstanceBusinessKey(ticketId).singleResult();
    assertThat(instance.getEndTime()).as("%s ended", processKey).isNotNull();
    assertThat(historyService().createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
        .activityId(endEventId).finished().count()).as("%s ended at %s", processKey, endEventId).isOne();
  }
}
