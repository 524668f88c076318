package com.gitlab.support.handoff.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.gitlab.support.handoff.TestProfiles;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.annotation.DirtiesContext.ClassMode;
import org.springframework.test.context.ActiveProfiles;

/**
 * A Cockpit page's same-origin fetch: a user logged in to the Camunda webapps reads {@code /api/reports} with
 * the session cookie alone, no credentials, if they are an operator or process owner. Over a real port, logged
 * in through the webapps' own login, as the browser does.
 *
 * <p>A context of its own: the webapps keep their runtime delegates in JVM-wide statics, which the shutdown of
 * any other web context in the same test JVM clears, so a cached context's Cockpit would answer 500.
 */
@DirtiesContext(classMode = ClassMode.BEFORE_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = TestProfiles.class)
class ReportsWebappSessionTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  @Test
  @DisplayName("pat and demo logged in to Cockpit read the reports by their session; sam's session is 403; no session 401")
  void webappSessionAuthenticates() throws Exception {
    assertThat(get(loggedIn("pat"), "/api/reports/waiting-handoffs").statusCode()).isEqualTo(200);
    assertThat(get(loggedIn("demo"), "/api/reports/smb-pickup.csv").statusCode()).isEqualTo(200);
    assertThat(get(loggedIn("sam", "tasklist"), "/api/reports/waiting-handoffs").statusCode()).isEqualTo(403);
    assertThat(get(client(), "/api/reports/waiting-handoffs").statusCode()).isEqualTo(401);
  }

  @Test
  @DisplayName("Logging out of the webapps ends the reports' access too")
  void logoutEndsAccess() throws Exception {
    HttpClient pat = loggedIn("pat");
    assertThat(get(pat, "/api/reports").statusCode()).isEqualTo(200);

    assertThat(get(pat, "/camunda/app/cockpit/").statusCode()).isEqualTo(200); // the token of the new session
    HttpResponse<String> logout = pat.send(HttpRequest.newBuilder(url("/camunda/api/admin/auth/user/" + engine.getName() + "/logout"))
        .header("X-XSRF-TOKEN", xsrf(pat)).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(logout.statusCode()).isLessThan(300);

    assertThat(get(pat, "/api/reports").statusCode()).isEqualTo(401);
  }

  private HttpClient loggedIn(String user) throws Exception {
    return loggedIn(user, "cockpit");
  }

  private HttpClient loggedIn(String user, String app) throws Exception {
    HttpClient client = client();
    // The webapp hands out its CSRF token with the first page; the login must send it back.
    assertThat(get(client, "/camunda/app/cockpit/").statusCode()).isEqualTo(200);
    HttpResponse<String> login = client.send(HttpRequest.newBuilder(
            url("/camunda/api/admin/auth/user/" + engine.getName() + "/login/" + app))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", xsrf(client))
        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + user)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).as("login of %s: %s", user, login.body()).isEqualTo(200);
    return client;
  }

  private static String xsrf(HttpClient client) {
    return ((CookieManager) client.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
        .filter(cookie -> cookie.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue)
        .reduce((first, last) -> last).orElse("");
  }

  private static HttpClient client() {
    return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NORMAL).build();
  }

  private HttpResponse<String> get(HttpClient client, String path) throws Exception {
    return client.send(HttpRequest.newBuilder(url(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI url(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
