package com.gitlab.support.handoff.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards {@code /actuator/**}: the health probes stay open (load balancers, the container health
 * check, Kubernetes), everything else (metrics, Prometheus, configuration, …) needs HTTP Basic
 * credentials of a Camunda user who is an operator, a member of {@code camunda-admin}
 * ({@link Groups#OPERATORS}). No credentials or wrong ones: {@code 401} with a Basic challenge; a user
 * who is no operator: {@code 403}.
 */
public class ActuatorAuthenticationFilter extends OncePerRequestFilter {

  /** Open to everyone: what a load balancer or an orchestrator probes. */
  static final Set<String> OPEN_PATHS =
      Set.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness");

  private final IdentityService identity;
  private final ProblemWriter problems;

  public ActuatorAuthenticationFilter(IdentityService identity, ProblemWriter problems) {
    this.identity = identity;
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (OPEN_PATHS.contains(stripTrailingSlash(path))) {
      chain.doFilter(request, response);
      return;
    }
    Optional<BasicCredentials> credentials = BasicCredentials.of(request);
    if (credentials.isEmpty() || !identity.checkPassword(credentials.get().user(), credentials.get().password())) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"sales-handoff\"");
      problems.write(response, HttpStatus.UNAUTHORIZED, "Authentication required",
          "Send HTTP Basic credentials of an operator (a Camunda user in the group " + Groups.OPERATORS + ")", null);
      return;
    }
    String user = credentials.get().user();
    if (identity.createGroupQuery().groupMember(user).groupId(Groups.OPERATORS).count() == 0) {
      problems.write(response, HttpStatus.FORBIDDEN, "Not allowed",
          "User '" + user + "' is not in the group " + Groups.OPERATORS + ", which runs the application", null);
      return;
    }
    chain.doFilter(request, response);
  }

  private static String stripTrailingSlash(String path) {
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }
}
