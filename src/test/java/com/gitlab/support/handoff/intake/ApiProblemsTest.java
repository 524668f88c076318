package com.gitlab.support.handoff.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.gitlab.support.handoff.TestProfiles;
import java.util.List;
import java.util.Map;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every 4xx and 5xx of {@code /api/**} is {@code application/problem+json}, from every controller and
 * from none; {@code /api/outbox} and {@code /api/sandbox/**} are for support engineers and administrators.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = TestProfiles.class)
@Import(ApiProblemsTest.FailingController.class)
class ApiProblemsTest {

  /** A controller under /api with a bug, as any future one may have. */
  @RestController
  static class FailingController {
    @GetMapping("/api/test-failure")
    String fail() {
      throw new IllegalStateException("secret internals that must not leak");
    }
  }

  /** A servlet filter under /api that fails, as the API authentication does when the identity look-up fails. */
  @TestConfiguration
  static class FailingFilter {
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> failingFilter() {
      FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) {
          throw new IllegalStateException("secret internals of a filter");
        }
      });
      registration.addUrlPatterns("/api/test-filter-failure");
      registration.setOrder(12);
      return registration;
    }
  }

  @Autowired TestRestTemplate http;

  @Test
  @DisplayName("405: a method the path does not take, with Allow")
  void methodNotAllowed() {
    ResponseEntity<Map> response = exchange("sam", HttpMethod.GET, "/api/handoffs", null, null, null);

    assertProblem(response, HttpStatus.METHOD_NOT_ALLOWED);
    assertThat(response.getHeaders().getAllow()).contains(HttpMethod.POST);
  }

  @Test
  @DisplayName("415: a body that is not JSON")
  void unsupportedMediaType() {
    ResponseEntity<Map> response = exchange("sam", HttpMethod.POST, "/api/handoffs", MediaType.TEXT_PLAIN, null,
        "ticket 4711 please");

    assertProblem(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE);
  }

  @Test
  @DisplayName("406: an answer type the path cannot give")
  void notAcceptable() {
    ResponseEntity<String> response = http.withBasicAuth("sam", "sam").exchange("/api/outbox", HttpMethod.GET,
        new HttpEntity<>(headers(null, MediaType.valueOf("text/csv"))), String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_ACCEPTABLE);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(response.getBody()).contains("\"status\":406");
  }

  @ParameterizedTest(name = "{0}")
  @DisplayName("404: a path under /api that does not exist")
  @ValueSource(strings = {"/api/nothing-here", "/api/handoffs/4711", "/api/sandbox/unknown"})
  void unknownPath(String path) {
    assertProblem(exchange("sam", HttpMethod.GET, path, null, null, null), HttpStatus.NOT_FOUND);
  }

  @Test
  @DisplayName("500: a failing controller says nothing of its internals")
  void internalError() {
    ResponseEntity<Map> response = exchange("sam", HttpMethod.GET, "/api/test-failure", null, null, null);

    assertProblem(response, HttpStatus.INTERNAL_SERVER_ERROR);
    assertThat(response.getBody().toString()).doesNotContain("secret internals", "IllegalStateException");
  }

  @ParameterizedTest(name = "Accept {0}")
  @DisplayName("500: a failing servlet filter, whatever the client accepts")
  @ValueSource(strings = {"application/json", "text/html"})
  void filterError(String accept) {
    ResponseEntity<String> response = http.withBasicAuth("sam", "sam").exchange("/api/test-filter-failure",
        HttpMethod.GET, new HttpEntity<>(headers(null, MediaType.valueOf(accept))), String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(response.getBody()).contains("\"status\":500", "\"title\":\"Internal error\"")
        .doesNotContain("secret internals", "IllegalStateException");
  }

  @Test
  @DisplayName("Outside /api, errors keep Spring Boot's usual answer")
  void outsideTheApiNothingChanges() {
    ResponseEntity<String> response = http.getForEntity("/no-such-page", String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(response.getHeaders().getContentType()).isNotEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
  }

  @Test
  @DisplayName("R39 the sandbox replies: bad input is a 400 naming the field, an unknown ticket a 404, both problem+json")
  void sandboxControllerErrors() {
    ResponseEntity<Map> invalid = exchange("sam", HttpMethod.POST, "/api/sandbox/chatter-replies",
        MediaType.APPLICATION_JSON, null, "{\"ticketId\": \"4711\", \"authorId\": \"005U1\"}");
    assertProblem(invalid, HttpStatus.BAD_REQUEST);
    assertThat(invalid.getBody()).containsEntry("field", "text");

    ResponseEntity<Map> noPost = exchange("sam", HttpMethod.POST, "/api/sandbox/slack-replies",
        MediaType.APPLICATION_JSON, null, "{\"ticketId\": \"no-such-ticket\", \"userId\": \"005U1\", \"text\": \"Done\"}");
    assertProblem(noPost, HttpStatus.NOT_FOUND);
    assertThat((String) noPost.getBody().get("detail")).contains("no Slack message was posted for ticket no-such-ticket");
  }

  @ParameterizedTest(name = "{0}")
  @DisplayName("The outbox and the sandbox are refused with 403 to advocates and process owners")
  @ValueSource(strings = {"ava", "pat"})
  void outboxAndSandboxOnlyForEngineersAndAdmins(String user) {
    for (String[] call : List.of(new String[] {"GET", "/api/outbox"},
        new String[] {"POST", "/api/sandbox/chatter-replies"}, new String[] {"POST", "/api/sandbox/slack-replies"})) {
      ResponseEntity<Map> response = exchange(user, HttpMethod.valueOf(call[0]), call[1], MediaType.APPLICATION_JSON,
          null, "{\"ticketId\": \"4711\", \"authorId\": \"005U1\", \"userId\": \"005U1\", \"text\": \"Done\"}");
      assertProblem(response, HttpStatus.FORBIDDEN);
      assertThat((String) response.getBody().get("detail")).contains("support-engineers", "camunda-admin");
    }
  }

  @ParameterizedTest(name = "{0}")
  @DisplayName("Support engineers and administrators read the outbox")
  @ValueSource(strings = {"sam", "demo"})
  void engineersAndAdminsReadTheOutbox(String user) {
    ResponseEntity<List> response = http.withBasicAuth(user, user).getForEntity("/api/outbox", List.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
  }

  private ResponseEntity<Map> exchange(String user, HttpMethod method, String path, MediaType contentType,
      MediaType accept, String body) {
    return http.withBasicAuth(user, user).exchange(path, method, new HttpEntity<>(body, headers(contentType, accept)),
        Map.class);
  }

  private static HttpHeaders headers(MediaType contentType, MediaType accept) {
    HttpHeaders headers = new HttpHeaders();
    if (contentType != null) {
      headers.setContentType(contentType);
    }
    if (accept != null) {
      headers.setAccept(List.of(accept));
    }
    return headers;
  }

  private static void assertProblem(ResponseEntity<Map> response, HttpStatus status) {
    assertThat(response.getStatusCode()).isEqualTo(status);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(response.getBody()).containsEntry("status", status.value()).containsKeys("title", "detail");
  }
}
