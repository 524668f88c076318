package com.gitlab.support.handoff.intake;

import com.fasterxml.jackson.databind.JsonMappingException;
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
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Bad input is a 400 that names the field; nothing is started. Never a stack trace. */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(basePackageClasses = ApiErrors.class)
public class ApiErrors {

  private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ProblemDetail invalid(MethodArgumentNotValidException e) {
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
  ProblemDetail unreadable(HttpMessageNotReadableException e) {
    if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field = mapping.getPath().stream()
          .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
          .collect(Collectors.joining("."));
      return badRequest(field + ": has the wrong type", field);
    }
    return badRequest("The body must be a JSON object", null);
  }

  @ExceptionHandler(ProcessEngineException.class)
  ProblemDetail engineRefused(ProcessEngineException e) {
    LOG.error("The process engine refused an intake request", e);
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
        "The workflow engine could not start the request: " + e.getMessage());
    problem.setTitle("Workflow not started");
    return problem;
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
