package com.gitlab.support.handoff.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.gitlab.support.handoff.TestProfiles;
import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * Base of the browser tests: the whole application on a random port (demo users, sandbox
 * connectors, in-memory database) with the job executor on, as in production, so that work moves on
 * after a click the way a user sees it; one headless Chromium per test class, quit even when a test
 * fails. Skipped where Debian's chromium and chromium-driver are not installed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.job-execution.enabled=true")
@ActiveProfiles(resolver = TestProfiles.class)
abstract class BrowserTestCase {

  private static Browser browser;

  /** A screenshot of the page a failed test stopped on (FAILED-…png), to see what the user would have seen. */
  @RegisterExtension
  static final TestWatcher SCREENSHOT_ON_FAILURE = new TestWatcher() {
    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
      if (browser != null) {
        browser.screenshot(failureName(context));
      }
    }

    @Override
    public void testSuccessful(ExtensionContext context) {
      Browser.SCREENSHOTS.resolve(failureName(context) + ".png").toFile().delete();
    }

    private String failureName(ExtensionContext context) {
      return "FAILED-" + context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName();
    }
  };

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired TestRestTemplate http;

  @BeforeEach
  void openBrowser() {
    Browser.assumeInstalled();
    if (browser == null) {
      withoutPlainEngineConfiguration(ProcessEngines::init);
      browser = Browser.open("http://localhost:" + port);
    }
  }

  /**
   * The webapps find engines through {@link ProcessEngines}, whose first use builds an engine from
   * every camunda.cfg.xml on the class path. The test class path has one, for the plain engine tests;
   * built, it would be a second, empty engine "default" that Tasklist and Cockpit offer in an engine
   * switcher. Initialising the registry while that file is hidden leaves the application's engine alone.
   */
  private static void withoutPlainEngineConfiguration(Runnable action) {
    Thread thread = Thread.currentThread();
    ClassLoader original = thread.getContextClassLoader();
    thread.setContextClassLoader(new ClassLoader(original) {
      @Override
      public Enumeration<URL> getResources(String name) throws IOException {
        return "camunda.cfg.xml".equals(name) ? Collections.emptyEnumeration() : super.getResources(name);
      }
    });
    try {
      action.run();
    } finally {
      thread.setContextClassLoader(original);
    }
  }

  @AfterAll
  static void quitBrowser() {
    if (browser != null) {
      try {
        browser.close();
      } finally {
        browser = null;
      }
    }
  }

  /** Tests give every engine a unique name; the webapps address an engine by name in their URLs. */
  Tasklist tasklistAs(String user) {
    return Tasklist.logIn(browser, engine.getName(), user);
  }

  Cockpit cockpitAs(String user) {
    return Cockpit.logIn(browser, engine.getName(), user);
  }

  Browser browser() {
    return browser;
  }

  void screenshot(String name) {
    browser.screenshot(name);
  }

  /**
   * Starts a handoff through the HTTP API as sam, for a request Support answers itself (a plan
   * upgrade), and waits until it stands at the engineer's task "Help the customer without Sales".
   */
  void handoffWaitingForTheEngineer(String ticketId) {
    ResponseEntity<String> started = http.withBasicAuth("sam", "sam").postForEntity("/api/handoffs", Map.of(
        "ticketId", ticketId, "requesterEmail", "jane@acme.com", "requestType", "PLAN_UPGRADE",
        "summary", "Wants to move the whole group from Premium to Ultimate", "engineer", "sam"), String.class);
    assertThat(started.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    await().atMost(Browser.TIMEOUT).until(() -> engine.getTaskService().createTaskQuery()
        .processInstanceBusinessKey(ticketId).taskDefinitionKey("helpWithoutSales").count() == 1);
  }
}
