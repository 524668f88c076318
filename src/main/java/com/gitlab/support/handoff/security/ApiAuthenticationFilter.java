package com.gitlab.support.handoff.security;

import com.gitlab.support.handoff.connector.zendesk.ZendeskProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards {@code /api/**}. With {@code handoff.zendesk.webhook-secret} set, {@code POST /api/handoffs}
 * and {@code POST /api/zendesk/events} must carry Zendesk's signature; everything else (and those two
 * without a secret) takes HTTP Basic credentials of a Camunda user, like {@code /engine-rest}, who must
 * belong to a group that works with the resource. {@code /api/reports} also takes the session of a user logged in
 * to the Camunda webapps ({@link WebappSession}), so that a Cockpit page can fetch it from the same origin.
 */
public class ApiAuthenticationFilter extends OncePerRequestFilter {

  /** The authenticated user id, for the controllers ("requested by"). */
  public static final String USER_ATTRIBUTE = "com.gitlab.support.handoff.apiUser";

  /** What Zendesk's webhooks call: signed once a signing secret is set. */
  private static final Set<String> WEBHOOK_PATHS = Set.of("/api/handoffs", "/api/zendesk/events");
  private static final List<String> HANDOFF_GROUPS = List.of(Groups.SUPPORT_ENGINEERS, Groups.CAMUNDA_ADMIN);
  private static final List<String> CASE_GROUPS = List.of(Groups.SUPPORT_ENGINEERS, Groups.SMB_ADVOCATES_AMER,
      Groups.SMB_ADVOCATES_EMEA_APJ, Groups.SMB_OPS, Groups.CAMUNDA_ADMIN);
  /** The sandbox's record of side effects and its stand-in replies: for those who run and support the app. */
  private static final List<String> SANDBOX_GROUPS = List.of(Groups.SUPPORT_ENGINEERS, Groups.CAMUNDA_ADMIN);
  /** The SLA reports: for operators (administrators) and process owners, also from a Cockpit page's session. */
  static final List<String> REPORT_GROUPS = List.of(Groups.PROCESS_OWNERS, Groups.CAMUNDA_ADMIN);

  private final IdentityService identity;
  private final ZendeskProperties zendesk;
  private final ProblemWriter problems;

  public ApiAuthenticationFilter(IdentityService identity, ZendeskProperties zendesk, ProblemWriter problems) {
    this.identity = identity;
    this.zendesk = zendesk;
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (zendesk.verifiesWebhooks() && WEBHOOK_PATHS.contains(path) && "POST".equals(request.getMethod())) {
      CachedBodyRequest cached = new CachedBodyRequest(request);
      String problem = signatureProblem(request.getHeader("X-Zendesk-Webhook-Signature"),
          request.getHeader("X-Zendesk-Webhook-Signature-Timestamp"), cached.body());
      if (problem != null) {
        problems.write(response, HttpStatus.UNAUTHORIZED, "Webhook signature refused", problem, null);
        return;
      }
      cached.setAttribute(USER_ATTRIBUTE, "zendesk-webhook");
      chain.doFilter(cached, response);
      return;
    }
    Optional<BasicCredentials> credentials = BasicCredentials.of(request);
    boolean reports = path.equals("/api/reports") || path.startsWith("/api/reports/");
    if (reports && credentials.isEmpty()) {
      Optional<String> webappUser = WebappSession.user(request);
      if (webappUser.isPresent()) {
        authorized(webappUser.get(), REPORT_GROUPS, request, response, chain);
        return;
      }
    }
    if (credentials.isEmpty() || !identity.checkPassword(credentials.get().user(), credentials.get().password())) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"sales-handoff\"");
      problems.write(response, HttpStatus.UNAUTHORIZED, "Authentication required",
          "Send HTTP Basic credentials of a Camunda user", null);
      return;
    }
    String user = credentials.get().user();
    List<String> allowed = reports ? REPORT_GROUPS
        : path.startsWith("/api/handoffs") || path.startsWith("/api/zendesk/") ? HANDOFF_GROUPS
        : path.startsWith("/api/smb-cases") ? CASE_GROUPS
        : path.equals("/api/outbox") || path.startsWith("/api/outbox/") || path.startsWith("/api/sandbox/")
            ? SANDBOX_GROUPS : null;
    authorized(user, allowed, request, response, chain);
  }

  /** Lets the request through when {@code user} is in one of the {@code allowed} groups (null: any user), 403 otherwise. */
  private void authorized(String user, List<String> allowed, HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    if (allowed != null && identity.createGroupQuery().groupMember(user).groupIdIn(allowed.toArray(String[]::new)).count() == 0) {
      problems.write(response, HttpStatus.FORBIDDEN, "Not allowed",
          "User '" + user + "' is in none of the groups " + allowed, null);
      return;
    }
    request.setAttribute(USER_ATTRIBUTE, user);
    chain.doFilter(request, response);
  }

  /**
   * Why no configured secret verifies the request, or null when one does. Zendesk gives every webhook a
   * signing secret of its own, and one webhook cannot both subscribe to events and serve triggers, so
   * {@code handoff.zendesk.webhook-secret} may list several, comma-separated (docs/zendesk-webhooks.md).
   */
  private String signatureProblem(String signature, String timestamp, byte[] body) {
    Instant now = Instant.now();
    String problem = null;
    for (String secret : zendesk.webhookSecret().split(",")) {
      if (secret.isBlank()) {
        continue;
      }
      problem = new ZendeskSignature(secret.trim(), zendesk.webhookTolerance()).problemWith(signature, timestamp, body, now);
      if (problem == null) {
        return null;
      }
    }
    return problem;
  }
}
