package com.gitlab.support.handoff.intake;

import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngineException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every error of {@code /api/**} is {@code application/problem+json}, whichever controller (intake,
 * sandbox) or none (an unknown path, a method or media type the path does not take) it comes from.
 * Bad input is a 400 that names the field; nothing is started. Never a stack trace. Errors outside
 * {@code /api} are left to Spring Boot's default handling: each handler rethrows them, which hands
 * them on to the next resolver.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice
public class ApiErrors {

  private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ProblemDetail invalid(MethodArgumentNotValidException e, HttpServletRequest request) throws Exception {
    onlyForApi(e, request);
    List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
        .map(error -> Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage())))
        .sorted((a, b) -> a.get("field").compareTo(b.get("field")))
        .toList();
    String detail = errors.stream().map(error -> error.get("field") + ": " + error.get("message"))
        .collect(Collectors.joining("; "));
    ProblemDetail problem = badRequest(detail, errors.isEmpty() ? null : errors.get(0).get("field"));
    problem.setProperty("errors", errors);
    return problem;
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail unreadable(HttpMessageNotReadableException e, HttpServletRequest request) throws Exception {
    onlyForApi(e, request);
    if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field = mapping.getPath().stream()
          .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
          .collect(Collectors.joining("."));
      return badRequest(field + ": has the wrong type", field);
    }
    return badRequest("The body must be a JSON object", null);
  }

  @ExceptionHandler(ProcessEngineException.class)
  ProblemDetail engineRefused(ProcessEngineException e, HttpServletRequest request) throws Exception {
    onlyForApi(e, request);
    LOG.error("The process engine refused an API request", e);
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
        "The workflow engine could not start the request: " + e.getMessage());
    problem.setTitle("Workflow not started");
    return problem;
  }

  /**
   * Spring's own errors (404 of an unknown path, 405, 406, 415, a controller's ResponseStatusException)
   * with the status, headers ({@code Allow}, {@code Accept}) and detail Spring gives them; anything else
   * is a 500 that says no more than that, and the log has the stack trace.
   */
  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> other(Exception e, HttpServletRequest request) throws Exception {
    onlyForApi(e, request);
    if (e instanceof ErrorResponse spring) {
      return ResponseEntity.status(spring.getStatusCode()).headers(spring.getHeaders()).body(spring.getBody());
    }
    LOG.error("{} {} failed", request.getMethod(), request.getRequestURI(), e);
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
        "The request failed on our side; the application log has the details");
    problem.setTitle("Internal error");
    return ResponseEntity.internalServerError().body(problem);
  }

  /** Rethrows an error outside {@code /api}: Spring then handles it as if this advice did not exist. */
  private static void onlyForApi(Exception e, HttpServletRequest request) throws Exception {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (!path.startsWith("/api/")) {
      throw e;
    }
  }

  private static ProblemDetail badRequest(String detail, String field) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
    problem.setTitle("Invalid request");
    if (field != null) {
      problem.setProperty("field", field);
    }
    return problem;
  }
}
