package com.gitlab.support.handoff.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.pagefactory.ByChained;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A Camunda Form (form-js 1.8) as Tasklist renders it, addressed by the labels the user reads:
 * {@code form.fill("Zendesk ticket id", "4711").choose("What does the customer ask for?", "Plan upgrade")}.
 */
final class CamundaForm {

  private final Browser browser;
  private final By scope;

  /** @param scope the Tasklist region holding the form: the start dialog or the task pane */
  CamundaForm(Browser browser, By scope) {
    this.browser = browser;
    this.scope = scope;
    browser.waiter().until(ExpectedConditions.visibilityOfElementLocated(new ByChained(scope, By.cssSelector(".fjs-form"))));
  }

  /** Types into a text field, text area or number field, replacing what was there. */
  CamundaForm fill(String label, String value) {
    WebElement input = field(label);
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    input.sendKeys(value);
    return this;
  }

  /** Picks an option of a select field by the option's label. */
  CamundaForm choose(String label, String option) {
    String id = field(label).getDomAttribute("id");
    form().findElement(By.id(id + "-display")).click();
    By item = By.xpath(".//div[contains(@class,'fjs-dropdownlist-item')][normalize-space(.)=" + literal(option) + "]");
    browser.waiter().until(ExpectedConditions.elementToBeClickable(new ByChained(scope, item))).click();
    browser.waiter().until(ExpectedConditions.textToBePresentInElementLocated(
        new ByChained(scope, By.id(id + "-display")), option));
    return this;
  }

  /** Sets a checkbox to the given state. */
  CamundaForm check(String label, boolean checked) {
    WebElement box = field(label);
    if (box.isSelected() != checked) {
      box.click();
    }
    return this;
  }

  /** Everything the form shows, texts and labels, as the user reads it. */
  String text() {
    return form().getText();
  }

  private WebElement form() {
    return browser.driver().findElement(new ByChained(scope, By.cssSelector(".fjs-form")));
  }

  /** The input a label belongs to; form-js ties them with label/@for. */
  private WebElement field(String label) {
    By byLabel = By.xpath(".//label[contains(@class,'fjs-form-field-label')][text()[normalize-space(.)=" + literal(label) + "]]");
    WebElement labelElement = browser.waiter().until(ExpectedConditions.presenceOfElementLocated(new ByChained(scope, byLabel)));
    return form().findElement(By.id(labelElement.getDomAttribute("for")));
  }

  /** An XPath string literal for any text, apostrophes included ("Requester's email"). */
  static String literal(String text) {
    if (!text.contains("'")) {
      return "'" + text + "'";
    }
    if (!text.contains("\"")) {
      return "\"" + text + "\"";
    }
    return "concat('" + text.replace("'", "', \"'\", '") + "')";
  }
}
