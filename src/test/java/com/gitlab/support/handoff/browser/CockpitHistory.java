package com.gitlab.support.handoff.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Cockpit's page "History" (the application's plugin, scripts/handoff/history-plugin.js). */
final class CockpitHistory {

  private static final By NAVIGATION_LINK = By.cssSelector("[cam-if-logged-in] a[href='#/history']");
  private static final By SEARCH = By.cssSelector(".handoff-history input[name='key']");
  private static final By DRAWN = By.cssSelector(".handoff-diagram[data-drawn='true'] .djs-element");

  private final Browser browser;
  private final String engine;

  private CockpitHistory(Browser browser, String engine) {
    this.browser = browser;
    this.engine = engine;
  }

  /** Clicks "History" in Cockpit's header, as a user finds it. */
  static CockpitHistory open(Browser browser, String engine) {
    browser.waiter().until(ExpectedConditions.elementToBeClickable(NAVIGATION_LINK)).click();
    browser.waiter().until(ExpectedConditions.visibilityOfElementLocated(SEARCH));
    return new CockpitHistory(browser, engine);
  }

  /** Types the ticket id or case key, presses Find, and waits for the instance's diagram with its path. */
  CockpitHistory find(String key) {
    WebElement field = browser.driver().findElement(SEARCH);
    field.clear();
    field.sendKeys(key);
    browser.driver().findElement(By.cssSelector(".handoff-search button[type='submit']")).click();
    browser.waiter().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".handoff-business-key"), key));
    browser.waiter().until(ExpectedConditions.presenceOfElementLocated(DRAWN));
    return this;
  }

  /** The rows of the search result: process key → state ("finished", "running", ...). */
  List<String> results() {
    return browser.driver().findElements(By.cssSelector(".handoff-results tr[data-instance-id]")).stream()
        .map(row -> row.getAttribute("data-process") + ": "
            + row.findElement(By.cssSelector(".handoff-state")).getDomProperty("textContent").trim())
        .toList();
  }

  String instanceId() {
    return browser.driver().findElement(By.cssSelector(".handoff-instance-title")).getAttribute("data-instance-id");
  }

  String state() {
    return browser.driver().findElement(By.cssSelector(".handoff-instance-state")).getText().trim();
  }

  /** The BPMN ids the diagram marks with {@code marker} (handoff-passed, handoff-active, handoff-taken). */
  List<String> marked(String marker) {
    return browser.driver().findElements(By.cssSelector(".handoff-diagram .djs-element." + marker)).stream()
        .map(element -> element.getAttribute("data-element-id")).toList();
  }

  String variable(String name) {
    return textOf(By.cssSelector(".handoff-variables tr[data-variable='" + name + "'] .handoff-value"));
  }

  /** The text of a decision's section (its inputs and outputs), by the decision's key. */
  String decision(String key) {
    return textOf(By.cssSelector(".handoff-decision[data-decision='" + key + "']"));
  }

  /**
   * An element's text also where it lies below the fold: Cockpit scrolls its content in a box of its own,
   * and WebDriver's visible text leaves out what that box has scrolled away.
   */
  private String textOf(By locator) {
    return browser.driver().findElement(locator).getDomProperty("textContent").trim();
  }

  /** Scrolls the variables and decisions below the diagram into view (for a screenshot of them). */
  void scrollToDecisions() {
    ((JavascriptExecutor) browser.driver()).executeScript(
        "document.querySelector('.handoff-detail h4').scrollIntoView({block: 'start'}); window.scrollBy(0, -70);");
  }

  /**
   * Sends a request from the page with the Cockpit session and CSRF token, as the plugin's own calls
   * go, to the engine API under Cockpit ({@code /camunda/api/engine/engine/{name}{path}}); returns the status.
   */
  long send(String method, String path, String jsonBody) {
    Object status = ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
        const [method, url, body, done] = arguments;
        const token = (document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN=')) || '=').split('=')[1];
        const init = {method, credentials: 'same-origin', headers: {'X-XSRF-TOKEN': token, 'Content-Type': 'application/json'}};
        if (body) { init.body = body; }
        fetch(url, init).then(r => done(r.status), e => done(-1));
        """, method, "/camunda/api/engine/engine/" + engine + path, jsonBody);
    return ((Number) status).longValue();
  }
}
