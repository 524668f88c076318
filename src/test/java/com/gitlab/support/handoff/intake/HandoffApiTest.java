package com.gitlab.support.handoff.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.gitlab.support.handoff.TestProfiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
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

/** {@code POST /api/handoffs} and the authentication of the HTTP interfaces, over a real port. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = TestProfiles.class)
class HandoffApiTest {

  @Autowired TestRestTemplate http;
  @Autowired RuntimeService runtime;
  @Autowired ProcessEngine engine;

  /**
   * Wrong passwords are tried on a user of their own: Camunda locks a user for a few seconds after a
   * failed login, which would fail the admin's next, correct call.
   */
  @BeforeEach
  void createTarget(@Autowired IdentityService identity) {
    if (identity.createUserQuery().userId("target").count() == 0) {
      User target = identity.newUser("target");
      target.setPassword("target-password");
      identity.saveUser(target);
      identity.createMembership("target", "support-engineers");
    }
  }

  @Test
  @DisplayName("Anonymous and wrong-password calls to /engine-rest get 401; the admin gets in")
  void engineRestNeedsBasicAuthentication() {
    // Tests give each engine a unique name, so the REST API is addressed by it.
    String definitions = "/engine-rest/engine/" + engine.getName() + "/process-definition";
    assertThat(http.getForEntity(definitions, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(http.withBasicAuth("target", "wrong").getForEntity(definitions, String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(http.withBasicAuth("admin", "admin-password").getForEntity(definitions, String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  @Test
  @DisplayName("Readiness reports the process engine and the database, without details")
  void readinessCoversEngineAndDatabase() {
    ResponseEntity<Map> readiness = http.getForEntity("/actuator/health/readiness", Map.class);

    assertThat(readiness.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(readiness.getBody()).containsEntry("status", "UP");
    assertThat((Map<String, Object>) readiness.getBody().get("components")).containsKeys("db", "processEngine");
  }

  @Test
  @DisplayName("Anonymous and wrong-password calls to /api get 401 as problem+json")
  void apiNeedsBasicAuthentication() {
    ResponseEntity<String> anonymous = http.exchange("/api/handoffs", HttpMethod.POST, json(valid("9001")), String.class);
    assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(anonymous.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(post("target", "nope", valid("9001")).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("9001").count()).isZero();
  }

  @Test
  @DisplayName("R1 a new ticket starts a handoff: 201 with the instance and the ticket id as business key")
  void startsAHandoff() {
    ResponseEntity<Map> response = post("admin", "admin-password", valid("9002"));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(response.getBody()).containsEntry("businessKey", "9002").containsKey("processInstanceId")
        .doesNotContainKey("duplicate");
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("9002").processDefinitionKey("salesHandoff")
        .count()).isEqualTo(1);
  }

  @Test
  @DisplayName("R1 the same ticket again while its handoff runs: 200, duplicate, the running instance, nothing new")
  void duplicateTicketStartsNothing() {
    String first = (String) post("admin", "admin-password", valid("9003")).getBody().get("processInstanceId");

    ResponseEntity<Map> again = post("admin", "admin-password", valid("9003"));

    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(again.getBody()).containsEntry("duplicate", true).containsEntry("processInstanceId", first);
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("9003").count()).isEqualTo(1);
  }

  @Test
  @DisplayName("R1 eight requests for one ticket at the same moment start exactly one handoff")
  void concurrentDuplicatesStartOne() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<ResponseEntity<Map>>> calls = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        calls.add(() -> post("admin", "admin-password", valid("9004")));
      }
      List<HttpStatus> statuses = new ArrayList<>();
      for (Future<ResponseEntity<Map>> result : pool.invokeAll(calls)) {
        statuses.add(HttpStatus.valueOf(result.get().getStatusCode().value()));
      }
      assertThat(statuses).containsOnly(HttpStatus.CREATED, HttpStatus.OK);
      assertThat(statuses).filteredOn(HttpStatus.CREATED::equals).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("9004").count()).isEqualTo(1);
  }

  @ParameterizedTest(name = "{0}")
  @DisplayName("Bad input is a 400 naming the field, and nothing starts")
  @CsvSource(delimiter = '|', value = {
      "missing ticket id       | ticketId       | {\"requesterEmail\":\"jane@acme.com\",\"requestType\":\"RESELLER\",\"summary\":\"s\"}",
      "bad ticket id           | ticketId       | {\"ticketId\":\"9 1\",\"requesterEmail\":\"jane@acme.com\",\"requestType\":\"RESELLER\",\"summary\":\"s\"}",
      "missing email           | requesterEmail | {\"ticketId\":\"9101\",\"requestType\":\"RESELLER\",\"summary\":\"s\"}",
      "bad email               | requesterEmail | {\"ticketId\":\"9102\",\"requesterEmail\":\"jane\",\"requestType\":\"RESELLER\",\"summary\":\"s\"}",
      "unknown request type    | requestType    | {\"ticketId\":\"9103\",\"requesterEmail\":\"jane@acme.com\",\"requestType\":\"FREE_LUNCH\",\"summary\":\"s\"}",
      "missing summary         | summary        | {\"ticketId\":\"9104\",\"requesterEmail\":\"jane@acme.com\",\"requestType\":\"RESELLER\"}",
      "unknown priority        | priority       | {\"ticketId\":\"9105\",\"requesterEmail\":\"jane@acme.com\",\"requestType\":\"RESELLER\",\"summary\":\"s\",\"priority\":\"asap\"}",
      "seats of the wrong type | seatsNeeded    | {\"ticketId\":\"9106\",\"requesterEmail\":\"jane@acme.com\",\"requestType\":\"RESELLER\",\"summary\":\"s\",\"seatsNeeded\":\"many\"}",
      "negative seats          | seatsNeeded    | {\"ticketId\":\"9107\",\"requesterEmail\":\"jane@acme.com\",\"requestType\":\"RESELLER\",\"summary\":\"s\",\"seatsNeeded\":-3}",
  })
  void badInputIsRefused(String why, String field, String body) {
    long before = runtime.createProcessInstanceQuery().count();

    ResponseEntity<Map> response = post("admin", "admin-password", body);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(response.getBody()).containsEntry("field", field);
    assertThat((String) response.getBody().get("detail")).contains(field);
    assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(before);
  }

  private ResponseEntity<Map> post(String user, String password, String body) {
    return http.withBasicAuth(user, password).exchange("/api/handoffs", HttpMethod.POST, json(body), Map.class);
  }

  private static HttpEntity<String> json(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }

  static String valid(String ticketId) {
    return "{\"ticketId\":\"" + ticketId + "\",\"requesterEmail\":\"jane@acme.com\","
        + "\"requestType\":\"ALTERNATIVE_PAYMENT_METHOD\",\"summary\":\"Wants to pay by wire transfer\"}";
  }
}
