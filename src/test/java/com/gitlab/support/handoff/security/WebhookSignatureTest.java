package com.gitlab.support.handoff.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.gitlab.support.handoff.TestProfiles;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
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

/** With {@code handoff.zendesk.webhook-secret} set, only requests Zendesk signed start a handoff. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "handoff.zendesk.webhook-secret=" + WebhookSignatureTest.SECRET)
@ActiveProfiles(resolver = TestProfiles.class)
class WebhookSignatureTest {

  static final String SECRET = "zendesk-signing-secret";
  private final ZendeskSignature zendesk = new ZendeskSignature(SECRET, Duration.ofMinutes(5));

  @Autowired TestRestTemplate http;
  @Autowired RuntimeService runtime;

  @Test
  @DisplayName("A request Zendesk signed starts the handoff")
  void signedRequestPasses() {
    String body = body("8001");
    String timestamp = Instant.now().toString();

    ResponseEntity<Map> response = post(body, zendesk.sign(timestamp, bytes(body)), timestamp);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("8001").count()).isEqualTo(1);
  }

  @Test
  @DisplayName("A forged signature, a changed body, a missing signature or a stale timestamp is 401, nothing started")
  void forgedRequestsFail() {
    String body = body("8002");
    String now = Instant.now().toString();
    String stale = Instant.now().minus(Duration.ofMinutes(30)).toString();
    ZendeskSignature impostor = new ZendeskSignature("guessed-secret", Duration.ofMinutes(5));

    assertThat(post(body, impostor.sign(now, bytes(body)), now).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(post(body.replace("8002", "8003"), zendesk.sign(now, bytes(body)), now).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(post(body, null, null).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(post(body, zendesk.sign(stale, bytes(body)), stale).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("8002").count()).isZero();
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("8003").count()).isZero();
  }

  @Test
  @DisplayName("A signed request with bad input is still a 400 naming the field")
  void signedBadInputIsA400() {
    String body = "{\"ticketId\":\"8004\",\"requesterEmail\":\"not-an-email\",\"requestType\":\"RESELLER\",\"summary\":\"s\"}";
    String timestamp = Instant.now().toString();

    ResponseEntity<Map> response = post(body, zendesk.sign(timestamp, bytes(body)), timestamp);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody()).containsEntry("field", "requesterEmail");
  }

  private ResponseEntity<Map> post(String body, String signature, String timestamp) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    if (signature != null) {
      headers.set("X-Zendesk-Webhook-Signature", signature);
      headers.set("X-Zendesk-Webhook-Signature-Timestamp", timestamp);
    }
    return http.exchange("/api/handoffs", HttpMethod.POST, new HttpEntity<>(body, headers), Map.class);
  }

  private static String body(String ticketId) {
    return "{\"ticketId\":\"" + ticketId + "\",\"requesterEmail\":\"jane@acme.com\",\"requestType\":\"RESELLER\","
        + "\"summary\":\"Reseller order for Acme\"}";
  }

  private static byte[] bytes(String body) {
    return body.getBytes(StandardCharsets.UTF_8);
  }
}
