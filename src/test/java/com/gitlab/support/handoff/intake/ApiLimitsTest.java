package com.gitlab.support.handoff.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.gitlab.support.handoff.TestProfiles;
import com.gitlab.support.handoff.connector.sandbox.Outbox;
import com.gitlab.support.handoff.connector.sandbox.OutboxEntry;
import com.gitlab.support.handoff.texts.Texts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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
 * Every length the API accepts is carried end to end, HTTP request to the sandbox outbox and the
 * Tasklist task; one character more is a 400 naming the field and its limit. Runs on H2 and, in CI,
 * on PostgreSQL (the column limits differ in name only: {@code TEXT_ VARCHAR(4000)}, {@code NAME_ VARCHAR(255)}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = TestProfiles.class)
class ApiLimitsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate http;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired Outbox outbox;

  @Test
  @DisplayName("R9 a summary of 4,000 characters (the limit) starts the handoff and reaches Chatter whole")
  void summaryAtTheLimitReachesChatter() {
    String summary = words("wire transfer", 4000);

    ResponseEntity<Map> response = post("/api/handoffs", "sam", handoff("9501", "jane@acme.com", summary));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    runJobsOf("9501");
    assertThat(entries("9501", "CHATTER_POST")).singleElement().satisfies(post ->
        assertThat(post.text()).contains("\"" + summary + "\"").hasSizeLessThanOrEqualTo(10_000));
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey("9501").taskDefinitionKey("recordSalesConfirmation")
        .count()).as("the Named Account Owner workflow waits for Sales").isEqualTo(1);
    assertThat(history.createHistoricVariableInstanceQuery().variableName("summary").list())
        .anySatisfy(variable -> assertThat(variable.getValue()).isEqualTo(summary));
  }

  @Test
  @DisplayName("R12 R13 a 4,000-character summary for an SMB account: case subject cut to Salesforce's 255, task names to 255")
  void summaryAtTheLimitOpensAnSmbCase() {
    String summary = words("purchase order", 4000);

    assertThat(post("/api/handoffs", "sam", handoff("9502", "ceo@tinytools.io", summary)).getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
    runJobsOf("9502");

    ProcessInstance smbCase = runtime.createProcessInstanceQuery().processDefinitionKey("smbCase")
        .variableValueEquals("ticketId", "9502").singleResult();
    assertThat(smbCase).as("the SMB Sales Case opened for the ticket").isNotNull();
    runJobsOf(smbCase.getBusinessKey());
    OutboxEntry created = entries("9502", "CASE_CREATE").get(0);
    String subjectLine = created.text().substring(0, created.text().indexOf('\n'));
    assertThat(subjectLine).contains("Support ticket 9502: purchase order").endsWith(Texts.ELLIPSIS);
    assertThat(subjectLine.substring(subjectLine.indexOf("] ") + 2)).hasSizeLessThanOrEqualTo(255);
    assertThat(created.text()).as("the description quotes the whole summary").contains(summary);
    assertThat(openTasks(smbCase.getBusinessKey())).isNotEmpty().allSatisfy(task ->
        assertThat(task.getName()).hasSizeLessThanOrEqualTo(255));
  }

  @Test
  @DisplayName("A summary of 4,001 characters is a 400 naming summary and its limit; nothing starts")
  void summaryPastTheLimitIsRefused() {
    long before = runtime.createProcessInstanceQuery().count();

    ResponseEntity<Map> response = post("/api/handoffs", "sam", handoff("9503", "jane@acme.com", "s".repeat(4001)));

    assertRefused(response, "summary", "summary: must be at most 4000 characters");
    assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(before);
  }

  @Test
  @DisplayName("R20 R21 an SMB case with a 255-character subject and a 32,000-character description: both reach Salesforce whole, the task name is cut to 255")
  void smbCaseAtTheLimits() {
    String subject = words("Seats for Tiny Tools", 255);
    String description = words("we grew again", 32_000);

    ResponseEntity<Map> response = post("/api/smb-cases", "ava", smbCase(subject, description, "EMAIL"));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String caseKey = (String) response.getBody().get("businessKey");
    runJobsOf(caseKey);
    assertThat(entries(caseKey, "CASE_CREATE")).singleElement().satisfies(created ->
        assertThat(created.text()).endsWith("] " + subject + "\n" + description));
    Task work = tasks.createTaskQuery().processInstanceBusinessKey(caseKey).taskDefinitionKey("pickUpCase").singleResult();
    assertThat(work.getName()).startsWith("Work case " + caseKey + ": Seats for Tiny Tools").endsWith(Texts.ELLIPSIS)
        .hasSizeLessThanOrEqualTo(255);
    assertThat(history.createHistoricTaskInstanceQuery().taskId(work.getId()).singleResult().getName())
        .isEqualTo(work.getName());
    assertThat(runtime.getVariable(work.getProcessInstanceId(), "description")).isEqualTo(description);
  }

  @Test
  @DisplayName("R20 an SDR case's description (subject: description) is cut to Salesforce's 32,000 characters")
  void sdrCaseDescriptionIsCutToSalesforcesLimit() {
    String subject = words("First order", 255);
    String description = words("an SDR lead", 32_000);

    ResponseEntity<Map> response = post("/api/smb-cases", "ava", smbCase(subject, description, "SDR"));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String caseKey = (String) response.getBody().get("businessKey");
    runJobsOf(caseKey);
    assertThat(entries(caseKey, "CASE_CREATE")).singleElement().satisfies(created -> {
      String sentDescription = created.text().substring(created.text().indexOf('\n') + 1);
      assertThat(sentDescription).startsWith(subject + ": an SDR lead").endsWith(Texts.ELLIPSIS).hasSizeLessThanOrEqualTo(32_000);
    });
  }

  @Test
  @DisplayName("A subject of 256 or a description of 32,001 characters is a 400 naming the field and its limit")
  void smbCasePastTheLimitsIsRefused() {
    long before = runtime.createProcessInstanceQuery().count();

    assertRefused(post("/api/smb-cases", "ava", smbCase("s".repeat(256), "d", "EMAIL")),
        "subject", "subject: must be at most 255 characters");
    assertRefused(post("/api/smb-cases", "ava", smbCase("s", "d".repeat(32_001), "EMAIL")),
        "description", "description: must be at most 32000 characters");
    assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(before);
  }

  @ParameterizedTest(name = "{0}")
  @DisplayName("An email whose domain is not a host name is a 400 naming requesterEmail")
  @ValueSource(strings = {"jane@ac'me.com", "jane@acme", "jane@-acme.com", "jane@acme..com", "jane@acme.com.", "jane@acme.123",
      "jane@ac me.com", "jane@acme_co.com", "@acme.com", "jane doe@acme.com"})
  void emailDomainMustBeAHostName(String email) {
    assertRefused(post("/api/handoffs", "sam", handoff("9504", email, "Wants to pay by wire transfer")),
        "requesterEmail", "requesterEmail: must be an email address whose domain is a host name");
  }

  @ParameterizedTest(name = "{0}")
  @DisplayName("R1 addresses with an apostrophe in the name or an internationalised domain are accepted")
  @ValueSource(strings = {"jane.o'brien@acme.com", "jane@bücher.de", "JANE+sales@Sub.Acme.com"})
  void validEmailsAreAccepted(String email) {
    String ticketId = "95" + Math.abs(email.hashCode() % 100_000);

    assertThat(post("/api/handoffs", "sam", handoff(ticketId, email, "Wants a quote")).getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
  }

  /** Words repeated up to exactly {@code length} characters, so a cut has word boundaries to find. */
  private static String words(String phrase, int length) {
    StringBuilder text = new StringBuilder();
    while (text.length() < length) {
      text.append(text.isEmpty() ? "" : " ").append(phrase);
    }
    String cut = text.substring(0, length);
    return cut.endsWith(" ") ? cut.substring(0, length - 1) + "x" : cut;
  }

  private static String handoff(String ticketId, String email, String summary) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("ticketId", ticketId);
    body.put("requesterEmail", email);
    body.put("requestType", "ALTERNATIVE_PAYMENT_METHOD");
    body.put("summary", summary);
    body.put("engineer", "sam");
    return json(body);
  }

  private static String smbCase(String subject, String description, String origin) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("subject", subject);
    body.put("description", description);
    body.put("origin", origin);
    body.put("accountId", "001A2");
    body.put("territory", "AMER");
    return json(body);
  }

  private static String json(Map<String, Object> body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private ResponseEntity<Map> post(String path, String user, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, user).exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), Map.class);
  }

  private static void assertRefused(ResponseEntity<Map> response, String field, String detail) {
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(response.getBody()).containsEntry("field", field);
    assertThat((String) response.getBody().get("detail")).contains(detail);
  }

  /**
   * Runs every due async step of the instances with this business key, as the job executor would; a
   * failing step fails the test (executeJob rethrows), which is what a column or vendor limit did.
   */
  private void runJobsOf(String businessKey) {
    for (int round = 0; round < 100; round++) {
      List<Job> due = new ArrayList<>();
      for (ProcessInstance instance : runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).list()) {
        due.addAll(management.createJobQuery().processInstanceId(instance.getId()).messages().executable().list());
      }
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> management.executeJob(job.getId()));
    }
    throw new IllegalStateException(businessKey + " keeps producing jobs");
  }

  private List<OutboxEntry> entries(String businessKey, String action) {
    return outbox.entries().stream()
        .filter(entry -> businessKey.equals(entry.ticketId()) && action.equals(entry.action())).toList();
  }

  private List<Task> openTasks(String businessKey) {
    return tasks.createTaskQuery().processInstanceBusinessKey(businessKey).list();
  }
}
