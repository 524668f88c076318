package com.gitlab.support.handoff.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.gitlab.support.handoff.ProcessTestCase;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * {@code /actuator/**}: the health probes are open to load balancers and orchestrators; everything
 * else needs an operator ({@code camunda-admin}: {@code demo} in the demo profile) over HTTP Basic.
 * Same context as the SMB metrics test (a real port, metrics export on).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false)
class ActuatorSecurityTest extends ProcessTestCase {

  @Autowired TestRestTemplate http;

  @ParameterizedTest(name = "{0} is open to everyone")
  @ValueSource(strings = {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"})
  @DisplayName("the health probes need no credentials")
  void healthProbesAreOpen(String path) {
    ResponseEntity<String> answer = http.getForEntity(path, String.class);

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(answer.getBody()).contains("\"UP\"");
  }

  @ParameterizedTest(name = "{0}: 401 without or with wrong credentials")
  @ValueSource(strings = {"/actuator", "/actuator/prometheus", "/actuator/metrics", "/actuator/metrics/handoff.jobs.backlog",
      "/actuator/info", "/actuator/health/db", "/actuator/nothing-here"})
  @DisplayName("everything else asks for credentials, as problem+json with a Basic challenge")
  void everythingElseNeedsCredentials(String path) {
    // A wrong password on an operator of its own: Camunda locks a user for a while after a failed login.
    ensureOperator("locked-out-operator");
    for (TestRestTemplate caller : List.of(http, http.withBasicAuth("locked-out-operator", "wrong"),
        http.withBasicAuth("nobody", "nobody"))) {
      ResponseEntity<String> answer = caller.getForEntity(path, String.class);

      assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
      assertThat(answer.getHeaders().getFirst("WWW-Authenticate")).isEqualTo("Basic realm=\"sales-handoff\"");
      assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
      assertThat(answer.getBody()).contains(Groups.OPERATORS);
    }
  }

  private void ensureOperator(String userId) {
    IdentityService identity = processEngine.getIdentityService();
    if (identity.createUserQuery().userId(userId).count() == 0) {
      User user = identity.newUser(userId);
      user.setPassword(userId + "-password");
      identity.saveUser(user);
      identity.createMembership(userId, Groups.OPERATORS);
    }
  }

  @ParameterizedTest(name = "{0} is no operator: 403")
  @ValueSource(strings = {"sam", "ava", "pat"})
  @DisplayName("a Camunda user outside camunda-admin is refused")
  void nonOperatorsAreRefused(String user) {
    for (String path : List.of("/actuator/prometheus", "/actuator/metrics", "/actuator")) {
      ResponseEntity<String> answer = http.withBasicAuth(user, user).getForEntity(path, String.class);

      assertThat(answer.getStatusCode()).as(path).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(answer.getBody()).contains("'" + user + "' is not in the group " + Groups.OPERATORS);
    }
  }

  @ParameterizedTest(name = "{0} answers with {1}")
  @CsvSource(delimiter = '|', value = {
      "/actuator/prometheus | handoff_jobs_backlog",
      "/actuator/metrics/handoff.jobs.backlog | \"name\":\"handoff.jobs.backlog\"",
      "/actuator | /actuator/prometheus"})
  @DisplayName("the operator demo reads the metrics")
  void operatorReadsMetrics(String path, String expected) {
    ResponseEntity<String> answer = http.withBasicAuth("demo", "demo").getForEntity(path, String.class);

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(answer.getBody()).contains(expected);
  }
}
