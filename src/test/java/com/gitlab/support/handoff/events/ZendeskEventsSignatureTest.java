package com.gitlab.support.handoff.events;

import static com.gitlab.support.handoff.events.ZendeskEventPayloads.statusChanged;
import static org.assertj.core.api.Assertions.assertThat;

import com.gitlab.support.handoff.TestProfiles;
import com.gitlab.support.handoff.security.ZendeskSignature;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
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
 * With {@code handoff.zendesk.webhook-secret} set, only events Zendesk signed reach a handoff (R40). The
 * property lists the secrets of several webhooks (each Zendesk webhook has its own): the intake's and
 * the events'.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "handoff.zendesk.webhook-secret=" + ZendeskEventsSignatureTest.INTAKE_SECRET + ", "
        + ZendeskEventsSignatureTest.SECRET)
@ActiveProfiles(resolver = TestProfiles.class)
class ZendeskEventsSignatureTest {

  static final String INTAKE_SECRET = "zendesk-intake-signing-secret";
  static final String SECRET = "zendesk-events-signing-secret";
  private final ZendeskSignature zendesk = new ZendeskSignature(SECRET, Duration.ofMinutes(5));

  @Autowired TestRestTemplate http;
  @Autowired RuntimeService runtime;

  @BeforeEach
  void standInModels(@Autowired RepositoryService repository) {
    if (repository.createProcessDefinitionQuery().processDefinitionKey("ticketEventsParent").count() == 0) {
      repository.createDeployment().name("ticket events stand-ins")
          .addClasspathResource("stand-ins/ticketEventsParent.bpmn")
          .addClasspathResource("stand-ins/ticketEventsChild.bpmn")
          .deploy();
    }
  }

  @Test
  @DisplayName("R40 a solved event Zendesk signed ends the handoff")
  void r40_signedEventIsTaken() {
    runtime.startProcessInstanceByKey("ticketEventsParent", "6201", Map.of("childProcess", "ticketEventsChild"));
    String body = statusChanged("01JSIG-6201", "6201", "OPEN", "SOLVED");
    String timestamp = Instant.now().toString();

    ResponseEntity<Map> response = post(body, zendesk.sign(timestamp, bytes(body)), timestamp, false);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("6201").count()).isZero();
  }

  @Test
  @DisplayName("Each webhook's own secret verifies its requests: the intake's starts a handoff, the events' takes an event")
  void everyListedSecretVerifies() {
    String intake = "{\"ticketId\":\"6204\",\"requesterEmail\":\"jane@acme.com\",\"requestType\":\"RESELLER\","
        + "\"summary\":\"Reseller order for Acme\"}";
    String timestamp = Instant.now().toString();
    ResponseEntity<Map> started = exchange("/api/handoffs", intake,
        new ZendeskSignature(INTAKE_SECRET, Duration.ofMinutes(5)).sign(timestamp, bytes(intake)), timestamp, false);
    String event = statusChanged("01JSIG-6204", "6204", "OPEN", "PENDING");

    ResponseEntity<Map> taken = post(event, zendesk.sign(timestamp, bytes(event)), timestamp, false);

    assertThat(started.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(taken.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(taken.getBody()).containsEntry("reason", "status is now pending: only solved or closed ends a handoff");
  }

  @Test
  @DisplayName("R40 unsigned, forged, changed or stale: 401 and the handoff runs on; Basic credentials do not replace the signature")
  void r40_unsignedOrForgedEventsAre401() {
    runtime.startProcessInstanceByKey("ticketEventsParent", "6202", Map.of("childProcess", "ticketEventsChild"));
    String body = statusChanged("01JSIG-6202", "6202", "OPEN", "SOLVED");
    String now = Instant.now().toString();
    String stale = Instant.now().minus(Duration.ofMinutes(30)).toString();
    ZendeskSignature impostor = new ZendeskSignature("guessed-secret", Duration.ofMinutes(5));

    assertThat(post(body, null, null, false).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(post(body, null, null, true).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(post(body, impostor.sign(now, bytes(body)), now, false).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    String signedOther = statusChanged("01JSIG-6202", "6202", "OPEN", "PENDING");
    assertThat(post(body, zendesk.sign(now, bytes(signedOther)), now, false).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(post(body, zendesk.sign(stale, bytes(body)), stale, false).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("6202").count()).isEqualTo(2);
  }

  @Test
  @DisplayName("A signed but malformed event is still a 400 naming the field")
  void signedMalformedEventIsA400() {
    String body = statusChanged("01JSIG-6203", "6203", "OPEN", "SOLVED").replace("zen:ticket:6203", "zen:ticket:");
    String timestamp = Instant.now().toString();

    ResponseEntity<Map> response = post(body, zendesk.sign(timestamp, bytes(body)), timestamp, false);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody()).containsEntry("field", "subject");
  }

  private ResponseEntity<Map> post(String body, String signature, String timestamp, boolean basic) {
    return exchange(ZendeskEventController.PATH, body, signature, timestamp, basic);
  }

  private ResponseEntity<Map> exchange(String path, String body, String signature, String timestamp, boolean basic) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    if (signature != null) {
      headers.set("X-Zendesk-Webhook-Signature", signature);
      headers.set("X-Zendesk-Webhook-Signature-Timestamp", timestamp);
    }
    TestRestTemplate client = basic ? http.withBasicAuth("admin", "admin-password") : http;
    return client.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), Map.class);
  }

  private static byte[] bytes(String body) {
    return body.getBytes(StandardCharsets.UTF_8);
  }
}
