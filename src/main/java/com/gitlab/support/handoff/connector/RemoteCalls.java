package com.gitlab.support.handoff.connector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import javax.net.ssl.SSLException;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * How every real connector talks HTTP, and the one place that decides which failures are worth a
 * retry. Rate limits ({@link RateLimitedException}, with the remote {@code Retry-After}): HTTP 429,
 * Salesforce's 403 {@code REQUEST_LIMIT_EXCEEDED}, Slack's {@code ratelimited}. The system may be down
 * ({@link ConnectorException.Kind#UNAVAILABLE}): 408, 5xx, timeouts and other I/O errors, Slack's
 * server-side errors. Retryable as well: 409. Everything else is the remote system refusing the request, and the message
 * carries what it said. Messages name the system, the status and the path, never a query string,
 * header or secret.
 */
public final class RemoteCalls {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_REMOTE_MESSAGE = 600;
  private static final int MAX_BODY = 16 * 1024;

  /** Slack {@code ok:false} errors that go away by themselves; every other code needs a person. */
  private static final Set<String> SLACK_RETRYABLE =
      Set.of("ratelimited", "internal_error", "fatal_error", "service_unavailable", "request_timeout");

  /**
   * How far a remote system's clock may be behind ours when a retry looks for what a cut-off attempt
   * did there (posts, cases, comments created since the attempt).
   */
  public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  private RemoteCalls() {}

  /** White space collapsed to single blanks, trimmed: how texts compare across systems. */
  public static String oneLine(String text) {
    return text.replaceAll("\\s+", " ").trim();
  }

  /**
   * A RestClient builder with short timeouts, no redirects and the shared status mapping, on a plain
   * builder (no metrics): for tests that build a connector by hand.
   */
  public static RestClient.Builder restClient(ExternalSystem system, Duration connectTimeout, Duration readTimeout) {
    return restClient(RestClient.builder(), system, connectTimeout, readTimeout);
  }

  /**
   * A RestClient builder with short timeouts, no redirects and the shared status mapping, made from
   * {@code base}: in the application Spring Boot's auto-configured builder, so each call is observed
   * as {@code http.client.requests} with the tag {@code system} ({@link SystemClientObservationConvention}).
   * The JDK client speaks PATCH (Salesforce updates), which {@code HttpURLConnection} cannot.
   */
  public static RestClient.Builder restClient(RestClient.Builder base, ExternalSystem system, Duration connectTimeout,
      Duration readTimeout) {
    HttpClient http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
    JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
    requests.setReadTimeout(readTimeout);
    return base
        .requestFactory(requests)
        .observationConvention(new SystemClientObservationConvention(system))
        .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
          throw failure(system, request, response);
        });
  }

  /** Runs one remote call, turning I/O trouble and unreadable answers into {@link ConnectorException}s. */
  public static <T> T call(ExternalSystem system, Supplier<T> call) {
    try {
      return call.get();
    } catch (ConnectorException e) {
      throw e;
    } catch (ResourceAccessException e) {
      // Timeouts, refused connections, resets: the system may be back in a minute.
      throw new ConnectorException(system, ConnectorException.Kind.UNAVAILABLE, false,
          "no answer (" + whyNoAnswer(e) + ")", e);
    } catch (RestClientException e) {
      // The call got through but its answer makes no sense to us; a person should look before anyone
      // repeats a call that may have had its effect.
      throw new ConnectorException(system, false, false,
          "unreadable answer (" + e.getMostSpecificCause().getMessage() + ")", e);
    }
  }

  /**
   * What an operator can act on, from the chain of causes: "connection refused", "connect timed out",
   * "read timed out", "unknown host …", "TLS handshake failed: …", "connection closed"; else the
   * innermost message.
   */
  static String whyNoAnswer(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof HttpConnectTimeoutException) {
        return "connect timed out";
      }
      if (cause instanceof HttpTimeoutException) {
        return "read timed out";
      }
      if (cause instanceof ConnectException) {
        return "connection refused";
      }
      if (cause instanceof UnknownHostException || cause instanceof UnresolvedAddressException) {
        return "unknown host" + (cause.getMessage() == null ? "" : " " + cause.getMessage());
      }
      if (cause instanceof SSLException) {
        return "TLS handshake failed: " + cause.getMessage();
      }
    }
    Throwable innermost = failure;
    while (innermost.getCause() != null) {
      innermost = innermost.getCause();
    }
    if (innermost instanceof ClosedChannelException || innermost instanceof EOFException) {
      return "connection closed";
    }
    return innermost.getMessage() == null ? innermost.getClass().getSimpleName() : innermost.getMessage();
  }

  /** The exception for an HTTP error answer. */
  public static ConnectorException failure(ExternalSystem system, HttpRequest request, ClientHttpResponse response)
      throws IOException {
    HttpStatusCode status = response.getStatusCode();
    JsonNode body = readJson(response);
    String remote = remoteMessage(body);
    String retryAfter = response.getHeaders().getFirst("Retry-After");
    StringBuilder message = new StringBuilder("HTTP ").append(status.value());
    HttpStatus known = HttpStatus.resolve(status.value());
    if (known != null) {
      message.append(' ').append(known.getReasonPhrase());
    }
    message.append(" on ").append(request.getMethod()).append(' ').append(request.getURI().getRawPath());
    if (!remote.isEmpty()) {
      message.append(": ").append(remote);
    }
    if (retryAfter != null && !retryAfter.isBlank()) {
      message.append(" (Retry-After: ").append(retryAfter.trim())
          .append(retryAfter.trim().chars().allMatch(Character::isDigit) ? " s)" : ")");
    }
    if (isRateLimit(status.value(), body)) {
      return new RateLimitedException(system, message.toString(),
          RetryAfter.parse(retryAfter, response.getHeaders().getFirst("Date"), Instant.now()).orElse(null));
    }
    return new ConnectorException(system, kindOf(status.value(), body), true, message.toString(), null);
  }

  /** What the remote system said in an error answer, or "" when it said nothing readable. */
  public static String remoteMessage(ClientHttpResponse response) throws IOException {
    return remoteMessage(readJson(response));
  }

  /** Slack answers HTTP 200 with {@code ok:false}; the error code decides. */
  public static ConnectorException slackRefused(String method, String error) {
    String code = error == null || error.isBlank() ? "unknown_error" : error;
    String message = method + " answered ok:false, error " + code;
    if (code.equals("ratelimited")) {
      // Slack says when in a Retry-After header of an HTTP 429; an ok:false body names no wait.
      return new RateLimitedException(ExternalSystem.SLACK, message, null);
    }
    return new ConnectorException(ExternalSystem.SLACK,
        SLACK_RETRYABLE.contains(code) ? ConnectorException.Kind.UNAVAILABLE : ConnectorException.Kind.REFUSED,
        true, message, null);
  }

  static boolean isRateLimit(int status, JsonNode body) {
    return status == 429
        || (status == 403 && hasErrorCode(body, "REQUEST_LIMIT_EXCEEDED")); // Salesforce's daily API limit
  }

  /** What an error status means for retries: the rate limits above, and the statuses below. */
  static ConnectorException.Kind kindOf(int status, JsonNode body) {
    if (isRateLimit(status, body)) {
      return ConnectorException.Kind.RATE_LIMITED;
    }
    if (status == 408 || status >= 500) { // 408: the server gave up waiting for us
      return ConnectorException.Kind.UNAVAILABLE;
    }
    if (status == 409) { // Zendesk: the ticket changed under us; its docs say retry
      return ConnectorException.Kind.TRANSIENT;
    }
    return ConnectorException.Kind.REFUSED;
  }

  private static boolean hasErrorCode(JsonNode body, String code) {
    if (body == null) {
      return false;
    }
    for (JsonNode error : body.isArray() ? body : List.of(body)) {
      if (code.equals(error.path("errorCode").asText(null))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Reads the known error shapes: Salesforce {@code [{message, errorCode, fields}]}, OAuth
   * {@code {error, error_description}}, Zendesk {@code {error, description, details}}, Slack
   * {@code {error}}; anything else as short plain text.
   */
  static String remoteMessage(JsonNode body) {
    if (body == null || body.isNull() || body.isMissingNode()) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    if (body.isArray()) {
      for (JsonNode error : body) {
        parts.add(salesforceError(error));
      }
    } else if (body.isObject()) {
      parts.add(objectError(body));
    } else {
      parts.add(body.asText());
    }
    return shorten(String.join("; ", parts.stream().filter(p -> !p.isBlank()).toList()));
  }

  private static String salesforceError(JsonNode error) {
    StringBuilder text = new StringBuilder();
    String code = error.path("errorCode").asText("");
    String message = error.path("message").asText("");
    text.append(code);
    if (!message.isEmpty()) {
      text.append(text.isEmpty() ? "" : ": ").append(message);
    }
    JsonNode fields = error.path("fields");
    if (fields.isArray() && !fields.isEmpty()) {
      List<String> names = new ArrayList<>();
      fields.forEach(f -> names.add(f.asText()));
      text.append(" (fields: ").append(String.join(", ", names)).append(')');
    }
    return text.toString();
  }

  private static String objectError(JsonNode body) {
    List<String> parts = new ArrayList<>();
    JsonNode error = body.path("error");
    if (error.isTextual()) {
      parts.add(error.asText());
    } else if (error.isObject()) { // Zendesk sometimes: {"error": {"title": …, "message": …}}
      parts.add(String.join(": ", textsOf(error, "title", "message")));
    }
    parts.addAll(textsOf(body, "error_description", "description", "message"));
    String text = String.join(": ", parts.stream().filter(p -> !p.isBlank()).toList());
    JsonNode details = body.path("details");
    if (details.isObject() && !details.isEmpty()) {
      List<String> problems = new ArrayList<>();
      details.fields().forEachRemaining(field -> {
        for (JsonNode detail : field.getValue().isArray() ? field.getValue() : List.of(field.getValue())) {
          String description = detail.isTextual() ? detail.asText() : detail.path("description").asText("");
          if (!description.isEmpty()) {
            problems.add(field.getKey() + ": " + description);
          }
        }
      });
      if (!problems.isEmpty()) {
        text += " (" + String.join("; ", problems) + ")";
      }
    }
    return text;
  }

  private static List<String> textsOf(JsonNode node, String... names) {
    List<String> texts = new ArrayList<>();
    for (String name : names) {
      JsonNode value = node.path(name);
      if (value.isTextual() && !value.asText().isBlank()) {
        texts.add(value.asText());
      }
    }
    return texts;
  }

  private static JsonNode readJson(ClientHttpResponse response) throws IOException {
    String text;
    try (InputStream in = response.getBody()) {
      text = new String(in.readNBytes(MAX_BODY), StandardCharsets.UTF_8).trim();
    }
    if (text.isEmpty()) {
      return null;
    }
    try {
      return JSON.readTree(text);
    } catch (IOException notJson) {
      // An HTML error page from a proxy says nothing a person can act on; short plain text might.
      return text.startsWith("<") ? null : JSON.getNodeFactory().textNode(text);
    }
  }

  private static String shorten(String text) {
    String oneLine = oneLine(text);
    return oneLine.length() <= MAX_REMOTE_MESSAGE ? oneLine : oneLine.substring(0, MAX_REMOTE_MESSAGE) + "…";
  }
}
