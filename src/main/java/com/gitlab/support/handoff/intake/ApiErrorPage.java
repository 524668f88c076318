package com.gitlab.support.handoff.intake;

import com.gitlab.support.handoff.security.ProblemWriter;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Spring Boot's error page, which answers for {@code /api/**} in {@code application/problem+json} too:
 * it gets what no controller advice sees, such as an exception thrown by a servlet filter (the
 * identity look-up of the API authentication failing) or an error the servlet container reports
 * itself. Everything else gets Boot's usual whitelabel page or JSON.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
public class ApiErrorPage extends BasicErrorController {

  private final ProblemWriter problems;

  public ApiErrorPage(ErrorAttributes errorAttributes, ServerProperties server,
      ObjectProvider<ErrorViewResolver> viewResolvers, ProblemWriter problems) {
    super(errorAttributes, server.getError(), viewResolvers.orderedStream().toList());
    this.problems = problems;
  }

  @Override
  public ModelAndView errorHtml(HttpServletRequest request, HttpServletResponse response) {
    if (isApi(request)) {
      writeProblem(request, response);
      return null;
    }
    return super.errorHtml(request, response);
  }

  @Override
  public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
    if (!isApi(request)) {
      return super.error(request);
    }
    HttpStatus status = getStatus(request);
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "about:blank");
    problem.put("title", titleOf(status));
    problem.put("status", status.value());
    problem.put("detail", detailOf(status));
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  private void writeProblem(HttpServletRequest request, HttpServletResponse response) {
    HttpStatus status = getStatus(request);
    try {
      problems.write(response, status, titleOf(status), detailOf(status), null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String titleOf(HttpStatus status) {
    return status.is5xxServerError() ? "Internal error" : status.getReasonPhrase();
  }

  /** No exception message: it may carry internals (SQL, class names). */
  private static String detailOf(HttpStatus status) {
    return status.is5xxServerError() ? "The request failed on our side; the application log has the details"
        : status.getReasonPhrase();
  }

  private static boolean isApi(HttpServletRequest request) {
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    return uri instanceof String path && path.startsWith(request.getContextPath() + "/api/");
  }
}
