package com.gitlab.support.handoff.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gitlab.support.handoff.ProcessTestCase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The report figures against histories made by driving the real processes with a moved engine clock; every
 * expected figure is computed by hand in the comments. A context of its own (a fresh database), so that no
 * other test's instances count; Thursday 2027-01-07 is a holiday in it, and no other day is.
 */
@AutoConfigureMockMvc
@TestPropertySource(properties = "handoff.calendar.holidays=2027-01-07")
class ReportFiguresTest extends ProcessTestCase {

  @Autowired MockMvc http;
  @Autowired ObjectMapper json;

  /** Ends what a test left running: the state-now reports count running instances. */
  @AfterEach
  void endRunningInstances() {
    runtimeService().createProcessInstanceQuery().rootProcessInstances().list().forEach(pi ->
        runtimeService().deleteProcessInstanceIfExists(pi.getId(), "test over", true, true, true, false));
  }

  // --- handoffs ------------------------------------------------------------------------------------

  @Test
  @DisplayName("R11 R39 answer-times: business hours to Sales' answer, median and p90 per week, account role and region")
  void answerTimes() throws Exception {
    // Named Account Owner (acme.com, US: AMER), week of Monday 2026-12-07.
    handoffAt("2026-12-07T09:00:00Z", "8101", "jane@acme.com");
    clockAt(Instant.parse("2026-12-07T13:00:00Z"));
    salesConfirm("8101"); // 4 business hours

    handoffAt("2026-12-07T09:00:00Z", "8102", "jane@acme.com");
    fire("8102", "escalationDue"); // Tuesday 09:00: manager 1
    clockAt(Instant.parse("2026-12-08T11:00:00Z"));
    salesConfirm("8102"); // 24 + 2 = 26 business hours

    handoffAt("2026-12-11T15:00:00Z", "8103", "jane@acme.com");
    clockAt(Instant.parse("2026-12-14T10:00:00Z"));
    salesConfirm("8103"); // Friday 15:00-24:00 (9) + Monday 00:00-10:00 (10) = 19 business hours

    handoffAt("2026-12-08T10:00:00Z", "8104", "jane@acme.com"); // never answered: asked, not answered

    // Other Account Owner (initech.com, GB: EMEA), confirmed in Tasklist after half an hour.
    handoffAt("2026-12-09T09:00:00Z", "8105", "bill@initech.com");
    clockAt(Instant.parse("2026-12-09T09:30:00Z"));
    complete("8105", "recordSalesConfirmation", Map.of("contactName", "Terry Territory"));

    // SMB Sales User (tinytools.io, CA: AMER), engineer without Salesforce access: picked up 6 hours later.
    handoffAt("2026-12-09T10:00:00Z", "8106", "ceo@tinytools.io", "hasSalesforceAccess", false);
    clockAt(Instant.parse("2026-12-09T16:00:00Z"));
    complete("8106", "recordSmbPickup", Map.of("contactName", "Ava Advocate"));

    JsonNode report = report("answer-times", "2026-12-07", "2026-12-13");

    // Named: 4, 19, 26 -> median 19, p90 = rank ceil(0.9 * 3) = 3 -> 26.
    assertThat(rows(report)).containsExactly(
        "week=2026-12-07 accountRole=NAMED_ACCOUNT_OWNER region=AMER asked=4 answered=3 medianHours=19.0 p90Hours=26.0",
        "week=2026-12-07 accountRole=OTHER_ACCOUNT_OWNER region=EMEA asked=1 answered=1 medianHours=0.5 p90Hours=0.5",
        "week=2026-12-07 accountRole=SMB_SALES_USER region=AMER asked=1 answered=1 medianHours=6.0 p90Hours=6.0");
    // The period is the asking week: the week before has none.
    assertThat(rows(report("answer-times", "2026-11-30", "2026-12-06"))).isEmpty();
  }

  @Test
  @DisplayName("R11 escalation-levels: Account Owner handoffs by the highest rung reached, the CEO apart")
  void escalationLevels() throws Exception {
    handoffAt("2026-12-14T09:00:00Z", "8201", "jane@acme.com"); // owner only
    handoffAt("2026-12-14T09:00:00Z", "8202", "bill@initech.com"); // owner only (Other workflow)
    handoffAt("2026-12-14T09:00:00Z", "8203", "jane@acme.com");
    fire("8203", "escalationDue"); // manager 1
    clockAt(Instant.parse("2026-12-15T10:00:00Z"));
    salesConfirm("8203");
    handoffAt("2026-12-15T09:00:00Z", "8204", "jane@acme.com");
    for (int rung = 0; rung < 4; rung++) {
      fire("8204", "escalationDue"); // managers 005U2, 005U3, 005U0, then nobody above: the top
    }
    assertThat(task("8204", "followUpWithoutSales")).isNotNull();
    handoffAt("2026-12-16T09:00:00Z", "8205", "ceo@tinytools.io", "hasSalesforceAccess", false); // SMB: no ladder

    JsonNode report = report("escalation-levels", "2026-12-14", "2026-12-20");

    assertThat(rows(report)).containsExactly(
        "reached=Account owner level=0 handoffs=2 share=50.0",
        "reached=Manager 1 level=1 handoffs=1 share=25.0",
        "reached=Top of the org chart (CEO) level=3 handoffs=1 share=25.0");
  }

  @Test
  @DisplayName("R11 R13 waiting-handoffs: handoffs waiting for Sales now by business hours waited; holidays do not count")
  void waitingHandoffs() throws Exception {
    handoffAt("2027-01-11T09:00:00Z", "8301", "jane@acme.com"); // 3 h
    handoffAt("2027-01-08T20:00:00Z", "8302", "jane@acme.com"); // Friday 4 + Monday 12 = 16 h
    // Thursday 2027-01-07 is a holiday: Friday 24 + Monday 12 = 36 h (48 h without the holiday).
    handoffAt("2027-01-07T12:00:00Z", "8303", "ceo@tinytools.io", "hasSalesforceAccess", false);
    handoffAt("2027-01-05T10:00:00Z", "8304", "jane@acme.com"); // Tuesday 14 + Wednesday 24 + Friday 24 + Monday 12 = 74 h
    handoffAt("2027-01-11T09:00:00Z", "8305", "jane@acme.com");
    clockAt(Instant.parse("2027-01-11T10:00:00Z"));
    salesConfirm("8305"); // answered: no longer waiting
    handoffAt("2027-01-11T09:00:00Z", "8306", "jane@acme.com");
    clockAt(Instant.parse("2027-01-11T10:00:00Z"));
    solvedInZendesk("8306", "awaitSalesConfirmation"); // no longer waiting

    clockAt(Instant.parse("2027-01-11T12:00:00Z"));
    JsonNode report = report("waiting-handoffs", null, null);

    assertThat(rows(report)).containsExactly(
        "age=< 8 h fromHours=0 handoffs=1",
        "age=8-24 h fromHours=8 handoffs=1",
        "age=24-48 h fromHours=24 handoffs=1",
        "age=48-72 h fromHours=48 handoffs=0",
        "age=> 72 h fromHours=72 handoffs=1");
  }

  @Test
  @DisplayName("R2 R40 not-passed: tickets that ended without reaching Sales, by request type and reason")
  void notPassed() throws Exception {
    for (String ticket : List.of("8401", "8402")) {
      handoffAt("2027-02-01T09:00:00Z", ticket, "jane@acme.com", "requestType", "PLAN_UPGRADE");
      complete(ticket, "helpWithoutSales", Map.of("customerReply", "Use the upgrade button in the Customer Portal."));
    }
    handoffAt("2027-02-01T09:00:00Z", "8403", "founder@unknown-startup.dev", "requestType", "NEW_BUSINESS_QUOTE");
    handoffAt("2027-02-02T09:00:00Z", "8404", "jane@acme.com", "requestType", "PRODUCT_QUESTION");
    solvedInZendesk("8404", "salesHandoff");
    handoffAt("2027-02-02T09:00:00Z", "8405", "jane@acme.com", "requestType", "PLAN_UPGRADE"); // still with the engineer
    handoffAt("2027-02-02T09:00:00Z", "8406", "jane@acme.com"); // passed to Sales
    String macro = (String) processEngine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(handoffId("8401")).variableName("macro").singleResult().getValue();
    assertThat(macro).isNotBlank();

    JsonNode report = report("not-passed", "2027-02-01", "2027-02-07");

    assertThat(rows(report)).containsExactly(
        "requestType=PLAN_UPGRADE reason=Not for Sales: " + macro + " handoffs=2",
        "requestType=NEW_BUSINESS_QUOTE reason=Not in Salesforce: New Sales Quote macro handoffs=1",
        "requestType=PRODUCT_QUESTION reason=Ticket solved before it reached Sales handoffs=1");
  }

  // --- SMB cases ------------------------------------------------------------------------------------

  @Test
  @DisplayName("R21 R22 R26 smb-pickup, smb-closing, advocate-load: pick-up in 24 business hours, closing in 7 days, 15-day breaches, load")
  void smbCases() throws Exception {
    ProcessInstance c1 = caseAt("2027-02-08T09:00:00Z");
    ProcessInstance c2 = caseAt("2027-02-08T10:00:00Z");
    ProcessInstance c5 = caseAt("2027-02-08T08:00:00Z");
    clockAt(Instant.parse("2027-02-08T09:00:00Z"));
    pickUp(c5, "2027-02-08"); // 1 h: in time
    clockAt(Instant.parse("2027-02-08T15:00:00Z"));
    pickUp(c1, "2027-02-08"); // 6 h: in time
    ProcessInstance c3 = caseAt("2027-02-09T09:00:00Z"); // never picked up
    clockAt(Instant.parse("2027-02-10T09:00:00Z"));
    close(c1, "2027-02-10"); // opened Monday 09:00, closed Wednesday 09:00: 48 h, within 7 days
    clockAt(Instant.parse("2027-02-10T11:00:00Z"));
    pickUp(c2, "2027-02-10"); // Monday 14 + Tuesday 24 + Wednesday 11 = 49 h: late
    ProcessInstance c4 = caseAt("2027-02-12T20:00:00Z"); // not picked up yet

    clockAt(Instant.parse("2027-02-15T10:00:00Z"));
    // c3 has waited Tuesday 15 + Wednesday 24 + Thursday 24 + Friday 24 + Monday 10 = 97 h: late; c4 Friday 4 + Monday 10 = 14 h.
    assertThat(rows(report("smb-pickup", "2027-02-08", "2027-02-14"))).containsExactly(
        "week=2027-02-08 cases=5 pickedUpInTime=2 late=2 waiting=1 metPercent=50.0");
    assertThat(List.of(advocate(c2), advocate(c5))).containsOnly("ava");
    // c2 and c5 In Progress (c1 closed, c3 and c4 Open), capacity 50: 2 of 50 = 4 %.
    assertThat(rows(report("advocate-load", null, null))).containsExactly(
        "advocate=ava inProgress=2 capacity=50 share=4.0",
        "advocate=eli inProgress=0 capacity=50 share=0.0");

    fire(c5, "fifteenDaysPassed"); // 15 business days after Monday 2027-02-08 08:00: Monday 2027-03-01 08:00
    clockAt(Instant.parse("2027-03-02T09:00:00Z"));
    close(c5, "2027-03-02"); // 3 weeks and a day: late

    assertThat(rows(report("smb-closing", "2027-02-08", "2027-03-07"))).containsExactly(
        "week=2027-02-08 closed=1 closedWithin7Days=1 metPercent=100.0 fifteenDayBreaches=0",
        "week=2027-02-15 closed=0 closedWithin7Days=0 metPercent=null fifteenDayBreaches=0",
        "week=2027-02-22 closed=0 closedWithin7Days=0 metPercent=null fifteenDayBreaches=0",
        "week=2027-03-01 closed=1 closedWithin7Days=0 metPercent=0.0 fifteenDayBreaches=1");
  }

  // --- driving the processes ------------------------------------------------------------------------

  /** Starts a handoff of a ticket at {@code at}, as the intake does, and runs it to its first wait. */
  private void handoffAt(String at, String ticketId, String requesterEmail, Object... more) {
    clockAt(Instant.parse(at));
    VariableMap variables = Variables.createVariables().putValue("ticketId", ticketId)
        .putValue("summary", "Customer request on ticket " + ticketId).putValue("engineer", "sam")
        .putValue("requesterEmail", requesterEmail).putValue("requestType", "ALTERNATIVE_PAYMENT_METHOD")
        .putValue("priority", "normal").putValue("hasSalesforceAccess", true);
    for (int i = 0; i < more.length; i += 2) {
      variables.putValue((String) more[i], more[i + 1]);
    }
    runtimeService().startProcessInstanceByKey("salesHandoff", ticketId, variables);
    runAsyncSteps(ticketId);
  }

  /** The id of the ticket's salesHandoff instance, running or ended. */
  private String handoffId(String ticketId) {
    return processEngine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("salesHandoff")
        .processInstanceBusinessKey(ticketId).singleResult().getId();
  }

  /** The ticket is solved in Zendesk: the message reaches the process where work waits, as TicketEvents sends it. */
  private void solvedInZendesk(String ticketId, String waitingProcessKey) {
    ProcessInstance waiting = runtimeService().createProcessInstanceQuery().processDefinitionKey(waitingProcessKey)
        .processInstanceBusinessKey(ticketId).singleResult();
    runtimeService().createMessageCorrelation("TicketSolvedInZendesk").processInstanceId(waiting.getId())
        .setVariable("endedBecause", "Ticket " + ticketId + " was solved in Zendesk").correlate();
    runAsyncSteps(ticketId);
  }

  private void salesConfirm(String ticketId) {
    runtimeService().createMessageCorrelation("SalesConfirmedContact").processInstanceBusinessKey(ticketId)
        .setVariable("contactName", "Jane Owner").correlate();
    runAsyncSteps(ticketId);
  }

  /** Opens an AMER email case at {@code at} and runs it to the advocate's pick-up task. */
  private ProcessInstance caseAt(String at) {
    clockAt(Instant.parse(at));
    ProcessInstance instance = runtimeService().startProcessInstanceByKey("smbCase", Variables.createVariables()
        .putValue("origin", "EMAIL").putValue("subject", "Need 5 more seats")
        .putValue("description", "The customer would like to talk about their subscription.")
        .putValue("accountId", "001A2").putValue("contactId", "003C1").putValue("territory", "AMER")
        .putValue("highValueAccount", false));
    runAsyncSteps(instance);
    assertThat(workTask(instance).getTaskDefinitionKey()).isEqualTo("pickUpCase");
    return instance;
  }

  private void pickUp(ProcessInstance instance, String today) {
    complete(instance, workTask(instance), Map.of("caseStatus", "In Progress: Engaged",
        "nextSteps", today + " AV Emailed the customer about their seats", "languageBarrier", false));
  }

  private void close(ProcessInstance instance, String today) {
    complete(instance, workTask(instance), Map.of("caseStatus", "Closed: Resolved",
        "nextSteps", today + " AV Sold the seats", "languageBarrier", false,
        "resolutionAction", "Completed Sales Assisted Order", "feedback", "NA"));
  }

  private static Task workTask(ProcessInstance instance) {
    return taskService().createTaskQuery().processInstanceBusinessKey(businessKey(instance))
        .taskDefinitionKeyIn("pickUpCase", "workCase", "workCaseAttemptingContact").singleResult();
  }

  private static String advocate(ProcessInstance instance) {
    return (String) runtimeService().getVariable(instance.getId(), "advocate");
  }

  // --- reading the reports --------------------------------------------------------------------------

  private JsonNode report(String name, String from, String to) throws Exception {
    var request = get("/api/reports/" + name).header("Authorization", ReportsApiTest.PAT);
    if (from != null) {
      request.param("from", from).param("to", to);
    }
    String body = http.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    return json.readTree(body);
  }

  /** Each row as "column=value ..." in the report's column order, so a failure shows the whole table. */
  private static List<String> rows(JsonNode report) {
    List<String> rows = new ArrayList<>();
    for (JsonNode row : report.path("rows")) {
      List<String> cells = new ArrayList<>();
      for (JsonNode column : report.path("columns")) {
        String name = column.path("name").asText();
        JsonNode value = row.path(name);
        cells.add(name + "=" + (value.isMissingNode() || value.isNull() ? "null" : value.asText()));
      }
      rows.add(String.join(" ", cells));
    }
    return rows;
  }
}
