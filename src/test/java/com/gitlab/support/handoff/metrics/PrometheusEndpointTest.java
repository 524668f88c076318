package com.gitlab.support.handoff.metrics;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import com.gitlab.support.handoff.ProcessTestCase;
import com.gitlab.support.handoff.RemoteSystem;
import com.gitlab.support.handoff.connector.ConnectorException;
import com.gitlab.support.handoff.connector.salesforce.SalesforceApiStub;
import com.gitlab.support.handoff.connector.zendesk.TicketUpdate;
import com.gitlab.support.handoff.connector.zendesk.ZendeskConnector;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue #14, metrics for alerting, as Prometheus sees them: the application on a real port with
 * Salesforce, Zendesk and Slack played by WireMock, four Named Account Owner handoffs driven through the
 * real clients (one climbs a rung of the ladder, three are refused by one system each), then
 * {@code /actuator/prometheus} scraped over HTTP as the operator {@code demo}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false) // Spring Boot turns metrics export off in tests unless asked
class PrometheusEndpointTest extends ProcessTestCase {

  private static final String NAMED = "namedAccountOwnerHandoff";
  private static final String QUERY = "/services/data/v65.0/query";
  private static final String CHATTER_POST_ID = "0D5METRICS1";

  @RegisterExtension static final RemoteSystem salesforceApi = RemoteSystem.salesforce();
  @RegisterExtension static final RemoteSystem zendeskApi = RemoteSystem.zendesk();
  @RegisterExtension static final RemoteSystem slackApi = RemoteSystem.slack();

  @DynamicPropertySource
  static void remoteSystems(DynamicPropertyRegistry registry) {
    salesforceApi.register(registry);
    zendeskApi.register(registry);
    slackApi.register(registry);
    // Every scrape reads the database, so each one sees what the test just did (CachedReadingTest covers the cache).
    registry.add("handoff.metrics.cache-for", () -> "PT0S");
    registry.add("handoff.zendesk.read-timeout", () -> "PT4S");
  }

  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;
  @Autowired ProcessEngine engine;

  private final String climbs = ticket();
  private final String slackRefuses = ticket();
  private final String zendeskRefuses = ticket();
  private final String salesforceRefuses = ticket();

  @BeforeEach
  void systemsAnswer() {
    clockAt(FRIDAY_15_00);
    zendeskApi.stubFor(put(urlPathMatching("/api/v2/tickets/.*\\.json")).atPriority(5)
        .willReturn(okJson("{\"ticket\": {\"id\": 1}, \"audit\": {\"id\": 2}}")));
    zendeskApi.stubFor(put(urlPathEqualTo("/api/v2/tickets/" + zendeskRefuses + ".json")).atPriority(1)
        .willReturn(aResponse().withStatus(422).withHeader("Content-Type", "application/json")
            .withBody("{\"error\": \"RecordInvalid\", \"description\": \"Record validation errors\"}")));

    salesforceApi.stubFor(post(SalesforceApiStub.CHATTER).atPriority(5).willReturn(aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"id\": \"" + CHATTER_POST_ID + "\", \"url\": \"/services/data/v65.0/chatter/feed-elements/" + CHATTER_POST_ID + "\"}")));
    salesforceApi.stubFor(post(SalesforceApiStub.CHATTER).atPriority(1).withRequestBody(containing(salesforceRefuses))
        .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
            .withBody("[{\"message\": \"inactive user 005U1\", \"errorCode\": \"INVALID_CROSS_REFERENCE_KEY\"}]")));
    SalesforceApiStub.stubIntegrationUser(salesforceApi, "005INTEGRATION");
    SalesforceApiStub.stubComments(salesforceApi, CHATTER_POST_ID);
    salesforceApi.stubFor(get(urlPathEqualTo(QUERY)).atPriority(5).willReturn(okJson(records())));
    salesforceApi.stubFor(get(urlPathEqualTo(QUERY)).atPriority(1).withQueryParam("q", containing("FROM User WHERE Id = '005U1'"))
        .willReturn(okJson(records("{\"Id\": \"005U1\", \"Name\": \"Jane Owner\", \"ManagerId\": \"005U2\"}"))));
    salesforceApi.stubFor(get(urlPathEqualTo(QUERY)).atPriority(1).withQueryParam("q", containing("FROM User WHERE Id = '005U2'"))
        .willReturn(okJson(records("{\"Id\": \"005U2\", \"Name\": \"Max Manager\", \"ManagerId\": \"005U3\"}"))));

    slackApi.stubFor(post(urlPathEqualTo("/chat.postMessage")).atPriority(5)
        .willReturn(okJson("{\"ok\": true, \"channel\": \"C0ESCALATE\", \"ts\": \"1764255600.000100\"}")));
    slackApi.stubFor(post(urlPathEqualTo("/chat.postMessage")).atPriority(1).withRequestBody(containing(slackRefuses))
        .willReturn(okJson("{\"ok\": false, \"error\": \"channel_not_found\"}")));
  }

  @Test
  @DisplayName("R11 /actuator/prometheus after four handoffs: waiting per escalation level, the 24-hour breach, "
      + "incidents per system, the job backlog, and every outside call timed per system")
  void r11_scrapeShowsWaitingHandoffsBreachesIncidentsBacklogAndCallsPerSystem() {
    Scrape initial = scrape();
    start(climbs, false);
    start(slackRefuses, true);
    start(zendeskRefuses, false);
    start(salesforceRefuses, false);

    Scrape before = scrape();
    assertThat(before.value("handoff_waiting_for_sales", "level", "0"))
        .as("the climbing handoff and the one whose urgent Slack ping was refused wait at the owner").isEqualTo(2);
    assertThat(before.value("handoff_sla_breaches_total", "sla", "sales-answer-24h"))
        .isEqualTo(initial.value("handoff_sla_breaches_total", "sla", "sales-answer-24h"));

    fire(climbs, "escalationDue");

    Scrape after = scrape();
    assertThat(after.value("handoff_waiting_for_sales", "level", "0")).isEqualTo(1);
    assertThat(after.value("handoff_waiting_for_sales", "level", "1")).as("Max Manager was mentioned").isEqualTo(1);
    assertThat(after.value("handoff_sla_breaches_total", "sla", "sales-answer-24h", "process", "awaitSalesConfirmation")
        - initial.value("handoff_sla_breaches_total", "sla", "sales-answer-24h", "process", "awaitSalesConfirmation"))
        .isEqualTo(1);
    assertThat(after.value("handoff_sla_breaches_total", "sla", "smb-case-15d")).isZero();

    assertThat(after.value("handoff_incidents_by_system", "system", "salesforce")).isEqualTo(1);
    assertThat(after.value("handoff_incidents_by_system", "system", "zendesk")).isEqualTo(1);
    assertThat(after.value("handoff_incidents_by_system", "system", "slack")).isEqualTo(1);
    assertThat(after.value("handoff_incidents_by_system", "system", "other")).isZero();
    assertThat(after.value("handoff_incidents_open")).as("each refusal, and the same incident on its calling processes")
        .isGreaterThanOrEqualTo(3);
    assertThat(after.value("handoff_jobs_failed")).as("the three refused steps").isEqualTo(3);
    assertThat(after.value("handoff_jobs_backlog")).as("the reply checks that came due over the weekend")
        .isEqualTo(managementService().createJobQuery().executable().count()).isPositive();
    assertThat(after.value("handoff_jobs_due_timers")).isEqualTo(after.value("handoff_jobs_backlog"));
    assertThat(after.value("handoff_jobs_locked")).isZero();

    lockForFiveMinutes(managementService().createJobQuery().executable().list().get(0));
    assertThat(scrape().value("handoff_jobs_locked")).as("a due job a node has acquired").isEqualTo(1);

    for (RemoteSystem system : List.of(salesforceApi, zendeskApi, slackApi)) {
      String tag = system == salesforceApi ? "salesforce" : system == zendeskApi ? "zendesk" : "slack";
      assertThat(after.sum("http_client_requests_seconds_count", "system", tag)
          - initial.sum("http_client_requests_seconds_count", "system", tag))
          .as("every request %s received is timed with system=%s", tag, tag)
          .isEqualTo(system.getAllServeEvents().size()).isPositive();
    }
    assertThat(after.sum("http_client_requests_seconds_count", "system", "none", "uri", "/actuator/prometheus"))
        .as("the test's own client, made from Spring Boot's builder, is timed with system=none").isPositive();
    assertThat(after.sum("http_client_requests_seconds_count", "system", "zendesk", "status", "422")
        - initial.sum("http_client_requests_seconds_count", "system", "zendesk", "status", "422")).isEqualTo(1);
    assertThat(after.sum("http_client_requests_seconds_count", "system", "zendesk", "uri", "/api/v2/tickets/{id}.json")
        - initial.sum("http_client_requests_seconds_count", "system", "zendesk", "uri", "/api/v2/tickets/{id}.json"))
        .as("the URI template, not one series per ticket").isEqualTo(zendeskApi.getAllServeEvents().size());
  }

  @Test
  @DisplayName("the application's Zendesk client, made from Spring Boot's builder, keeps its read timeout "
      + "(handoff.zendesk.read-timeout) and the call that timed out is timed too")
  void clientFromBootsBuilderKeepsItsReadTimeout(@Autowired ZendeskConnector zendesk) {
    zendeskApi.stubFor(put(urlPathEqualTo("/api/v2/tickets/SLOW1.json")).atPriority(1)
        .willReturn(okJson("{\"ticket\": {\"id\": 1}}").withFixedDelay(8_000)));
    Scrape before = scrape();

    assertThatThrownBy(() -> zendesk.updateTicket(
        new TicketUpdate("SLOW1", null, null, null, null, "An internal note", List.of()), "effect-slow-1"))
        .isInstanceOfSatisfying(ConnectorException.class, failure -> {
          assertThat(failure.kind()).isEqualTo(ConnectorException.Kind.UNAVAILABLE);
          assertThat(failure).hasMessage("Zendesk: no answer (read timed out)");
        });

    Scrape after = scrape();
    assertThat(after.sum("http_client_requests_seconds_count", "system", "zendesk")
        - before.sum("http_client_requests_seconds_count", "system", "zendesk")).isEqualTo(1);
    assertThat(failedZendeskCalls(after) - failedZendeskCalls(before)).as("timed with the exception it ended in").isEqualTo(1);
  }

  private static double failedZendeskCalls(Scrape scrape) {
    return scrape.find("http_client_requests_seconds_count", "system", "zendesk").stream()
        .filter(sample -> !"none".equals(sample.labels().get("exception")))
        .mapToDouble(Scrape.Sample::value).sum();
  }

  @Test
  @DisplayName("/actuator/prometheus without credentials is 401, for a support engineer 403")
  void prometheusNeedsAnOperator() {
    assertThat(http.getForEntity("/actuator/prometheus", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(http.withBasicAuth("sam", "sam").getForEntity("/actuator/prometheus", String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  private void start(String ticketId, boolean urgent) {
    runtimeService().startProcessInstanceByKey(NAMED, ticketId, variables(ticketId, urgent));
    runAsyncSteps(ticketId);
  }

  private Scrape scrape() {
    return Scrape.of(http, "demo", "demo");
  }

  /** As the job executor of a node would: lock owner and expiry on the job's row. */
  private void lockForFiveMinutes(Job job) {
    String prefix = WaitingForSalesMetrics.tablePrefix(engine);
    Timestamp until = new Timestamp(ClockUtil.getCurrentTime().getTime() + Duration.ofMinutes(5).toMillis());
    assertThat(jdbc.update("UPDATE " + prefix + "ACT_RU_JOB SET LOCK_OWNER_ = ?, LOCK_EXP_TIME_ = ? WHERE ID_ = ?",
        "node-b", until, job.getId())).isEqualTo(1);
  }

  private static String ticket() {
    return "M" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static String records(String... records) {
    return "{\"totalSize\": " + records.length + ", \"done\": true, \"records\": [" + String.join(",", records) + "]}";
  }

  /** What salesHandoff passes to the role workflow for Acme, owned by Jane Owner (005U1). */
  private static VariableMap variables(String ticketId, boolean urgent) {
    return Variables.createVariables()
        .putValue("ticketId", ticketId)
        .putValue("ticketUrl", "https://gitlab.zendesk.com/agent/tickets/" + ticketId)
        .putValue("requestType", "ALTERNATIVE_PAYMENT_METHOD")
        .putValue("summary", "We would like to pay by wire transfer (ticket " + ticketId + ")")
        .putValue("engineer", "sam")
        .putValue("priority", urgent ? "urgent" : "normal")
        .putValue("hasSalesforceAccess", true)
        .putValue("tier", "PREMIUM")
        .putValue("seatsNeeded", null)
        .putValue("macro", "Pass to Sales")
        .putValue("guidance", "Confirm the method (wire, ACH or check)")
        .putValue("smbTerritory", null)
        .putValue("requesterEmail", "jane@acme.com")
        .putValue("accountId", "001A1").putValue("accountName", "Acme")
        .putValue("salesOwnerId", "005U1").putValue("salesOwnerName", "Jane Owner")
        .putValue("salesSegment", "LARGE").putValue("salesRegion", "AMER");
  }
}
