package com.gitlab.support.handoff.browser;

import static com.gitlab.support.handoff.browser.CamundaForm.literal;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.pagefactory.ByChained;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Camunda Tasklist as an engineer or advocate uses it: filters on the left, tasks in the middle, the form on the right. */
final class Tasklist {

  private static final By START_DIALOG = By.cssSelector(".modal-dialog");
  private static final By TASK_PANE = By.cssSelector("section.task-details");
  private static final By TASK_LINKS = By.cssSelector("ol.tasks-list li.task h4.task a");
  private static final By LIST_LOADING = By.cssSelector("[cam-tasks] > .loader");

  private final Browser browser;

  private Tasklist(Browser browser) {
    this.browser = browser;
  }

  /** Logs in on Tasklist's own login page (password = user id, the demo profile's users). */
  static Tasklist logIn(Browser browser, String engine, String user) {
    Login.as(browser, "/camunda/app/tasklist/" + engine + "/#/login", user);
    browser.waiter().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".start-process-action a")));
    return new Tasklist(browser);
  }

  /** The names of the filters the user may read, top to bottom. */
  List<String> filters() {
    browser.waiter().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".task-filter h4.name a")));
    // The link's own text, without the task counter it carries when focused.
    return browser.driver().findElements(By.cssSelector(".task-filter h4.name a")).stream()
        .map(link -> (String) ((JavascriptExecutor) browser.driver()).executeScript("return arguments[0].firstChild.textContent;", link))
        .map(String::trim)
        .toList();
  }

  /** Clicks a filter in the left column and waits for its task list. */
  Tasklist openFilter(String name) {
    browser.clickPastTooltips(filter(name));
    browser.waiter().until(ExpectedConditions.attributeContains(
        By.xpath("//div[contains(@class,'task-filter')][.//h4/a[text()[normalize-space(.)=" + literal(name) + "]]]"),
        "class", "active"));
    awaitList();
    return this;
  }

  /** The task names the open filter lists, as the queue reads. */
  List<String> taskNames() {
    awaitList();
    return browser.driver().findElements(TASK_LINKS).stream().map(WebElement::getText).map(String::trim).toList();
  }

  /**
   * Waits until the open filter lists the task, clicking the filter again as a user would (work
   * arrives through the job executor a moment after the click that caused it).
   */
  Tasklist awaitTask(String filter, String taskName) {
    By link = taskLink(taskName);
    new WebDriverWait(browser.driver(), Browser.TIMEOUT, Duration.ofSeconds(1)).until(driver -> {
      if (!driver.findElements(link).isEmpty()) {
        return true;
      }
      openFilter(filter);
      return !driver.findElements(link).isEmpty();
    });
    return this;
  }

  /** Opens "Start process", picks the process by its name and returns its start form. */
  CamundaForm startProcess(String processName) {
    browser.driver().findElement(By.cssSelector(".start-process-action a")).click();
    By process = new ByChained(START_DIALOG, By.xpath(".//a[normalize-space(.)=" + literal(processName) + "]"));
    browser.waiter().until(ExpectedConditions.elementToBeClickable(process)).click();
    return new CamundaForm(browser, START_DIALOG);
  }

  /** Presses "Start" in the start dialog and waits until the dialog has closed. */
  Tasklist start() {
    browser.click(browser.driver().findElement(new ByChained(START_DIALOG, By.cssSelector("button[ng-click='startProcessInstance()']"))));
    browser.waiter().until(ExpectedConditions.invisibilityOfElementLocated(START_DIALOG));
    return this;
  }

  /** Opens a task of the list and returns its form. */
  CamundaForm openTask(String taskName) {
    browser.waiter().until(ExpectedConditions.elementToBeClickable(taskLink(taskName))).click();
    browser.waiter().until(ExpectedConditions.textToBePresentInElementLocated(
        By.cssSelector("section.task-details .names"), taskName));
    return new CamundaForm(browser, TASK_PANE);
  }

  /** Presses "Complete" on the open task and waits until it has left the list. */
  Tasklist complete(String taskName) {
    dismissNotifications();
    WebElement button = browser.driver().findElement(new ByChained(TASK_PANE, By.cssSelector("button[ng-click='complete()']")));
    browser.click(button);
    browser.waiter().until(ExpectedConditions.invisibilityOfElementLocated(taskLink(taskName)));
    return this;
  }

  /** Closes Tasklist's notifications ("The process has been started."), which cover the buttons below them. */
  Tasklist dismissNotifications() {
    By close = By.cssSelector(".page-notifications .alert button.close");
    for (WebElement button : browser.driver().findElements(close)) {
      try {
        if (button.isDisplayed()) {
          button.click();
        }
      } catch (StaleElementReferenceException | ElementNotInteractableException closedMeanwhile) {
        // Tasklist closes its notifications by itself after a while.
      }
    }
    browser.waiter().until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".page-notifications .alert")));
    return this;
  }

  private void awaitList() {
    browser.waiter().until(ExpectedConditions.invisibilityOfElementLocated(LIST_LOADING));
  }

  private static By filter(String name) {
    return By.xpath("//div[contains(@class,'task-filter')]//h4/a[text()[normalize-space(.)=" + literal(name) + "]]");
  }

  private static By taskLink(String name) {
    return By.xpath("//ol[contains(@class,'tasks-list')]//h4[contains(@class,'task')]/a[normalize-space(.)=" + literal(name) + "]");
  }
}
