package com.gitlab.support.handoff.browser;

import static com.gitlab.support.handoff.browser.CamundaForm.literal;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Camunda Cockpit as an operator or process owner uses it: processes, their instances, the diagram. */
final class Cockpit {

  private static final By DIAGRAM = By.cssSelector(".djs-container svg .djs-element");
  private static final By INSTANCE_BUSINESS_KEYS = By.cssSelector("td.business-key");

  private final Browser browser;
  private final String engine;

  private Cockpit(Browser browser, String engine) {
    this.browser = browser;
    this.engine = engine;
  }

  static Cockpit logIn(Browser browser, String engine, String user) {
    Login.as(browser, "/camunda/app/cockpit/" + engine + "/#/login", user);
    browser.waiter().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[cam-if-logged-in] a[href='#/processes']")));
    return new Cockpit(browser, engine);
  }

  /** Processes → the process by its name: the definition's diagram and its running instances. */
  Cockpit openProcess(String name) {
    browser.go("/camunda/app/cockpit/" + engine + "/#/processes");
    By link = By.xpath("//a[normalize-space(.)=" + literal(name) + "]");
    browser.waiter().until(ExpectedConditions.elementToBeClickable(link)).click();
    awaitDiagram();
    browser.waiter().until(ExpectedConditions.visibilityOfElementLocated(INSTANCE_BUSINESS_KEYS));
    return this;
  }

  /** The business keys in the definition's "Process Instances" tab. */
  List<String> instanceBusinessKeys() {
    return browser.driver().findElements(INSTANCE_BUSINESS_KEYS).stream().map(WebElement::getText).map(String::trim).toList();
  }

  /** Clicks the instance whose business key is given (Cockpit links the instance id beside it). */
  Cockpit openInstance(String businessKey) {
    By link = By.xpath("//tr[td[contains(@class,'business-key')][normalize-space(.)=" + literal(businessKey) + "]]"
        + "//td[contains(@class,'instance-id')]//a[contains(@href,'process-instance')]");
    browser.waiter().until(ExpectedConditions.elementToBeClickable(link)).click();
    browser.waiter().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("dd.business-key"), businessKey));
    awaitDiagram();
    return this;
  }

  /** The business key in the instance's information panel. */
  String businessKey() {
    return browser.driver().findElement(By.cssSelector("dd.business-key")).getText().trim();
  }

  /** True when the diagram draws the element, by its BPMN id. */
  boolean diagramShows(String elementId) {
    return !browser.driver().findElements(By.cssSelector(".djs-element[data-element-id='" + elementId + "']")).isEmpty();
  }

  /**
   * The token count Cockpit puts on an activity of a running instance's diagram, 0 when it has none.
   * The badges arrive after the diagram (a second request), so this waits for the first of them.
   */
  int tokensOn(String activityId) {
    By anyBadge = By.cssSelector(".djs-overlays .instance-count");
    browser.waiter().until(driver -> driver.findElements(anyBadge).stream().anyMatch(WebElement::isDisplayed));
    List<WebElement> badges = browser.driver().findElements(
        By.cssSelector(".djs-overlays[data-container-id='" + activityId + "'] .instance-count"));
    return badges.stream().filter(WebElement::isDisplayed).map(WebElement::getText).map(String::trim)
        .filter(text -> !text.isEmpty()).mapToInt(Integer::parseInt).sum();
  }

  /**
   * Opens a tab below the diagram ("Variables", "Incidents", …) and returns its text once it shows
   * {@code expected}; the tabs load their rows after the click.
   */
  String tab(String name, String expected) {
    By tab = By.xpath("//ul[contains(@class,'nav-tabs')]/li/a[normalize-space(.)=" + literal(name) + "]");
    browser.waiter().until(ExpectedConditions.elementToBeClickable(tab)).click();
    By pane = By.cssSelector(".ctn-content-bottom .ctn-tabbed-content");
    browser.waiter().until(ExpectedConditions.textToBePresentInElementLocated(pane, expected));
    return browser.driver().findElement(pane).getText();
  }

  private void awaitDiagram() {
    browser.waiter().until(ExpectedConditions.presenceOfElementLocated(DIAGRAM));
  }
}
