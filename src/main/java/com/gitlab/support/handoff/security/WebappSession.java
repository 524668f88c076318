package com.gitlab.support.handoff.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;

/**
 * The user logged in to the Camunda webapps (Cockpit, Tasklist, Admin) in this request's HTTP session, as the
 * webapps' login keeps it. Never creates a session. The caller still checks the user's groups afresh.
 */
final class WebappSession {

  private WebappSession() {}

  static Optional<String> user(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return Optional.empty();
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    if (authentications == null) {
      return Optional.empty();
    }
    return authentications.getAuthentications().stream()
        .map(Authentication::getIdentityId)
        .filter(id -> id != null && !id.isBlank())
        .findFirst();
  }
}
