package com.gitlab.support.handoff.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The login form every Camunda webapp shows; the demo users' password is their user id. */
final class Login {

  private static final By USERNAME = By.cssSelector("input[ng-model='username']");
  private static final By PASSWORD = By.cssSelector("input[ng-model='password']");
  private static final By SUBMIT = By.cssSelector("form button[type='submit']");
  private static final By ERROR = By.cssSelector(".notifications .alert-danger, .notifications .alert-error");

  private Login() {}

  static void as(Browser browser, String loginPath, String user) {
    browser.logOutEverywhere();
    browser.go(loginPath);
    browser.waiter().until(ExpectedConditions.visibilityOfElementLocated(USERNAME));
    browser.waiter().until(ExpectedConditions.visibilityOfElementLocated(PASSWORD));
    // The page may still move focus while it starts (one CI run typed both values into the user
    // field): each field is filled until it holds what was typed.
    browser.waiter().until(driver -> filled(driver.findElement(USERNAME), user)
        && filled(driver.findElement(PASSWORD), user));
    browser.driver().findElement(SUBMIT).click();
  }

  private static boolean filled(WebElement field, String value) {
    if (!value.equals(field.getAttribute("value"))) {
      field.clear();
      field.click();
      field.sendKeys(value);
    }
    return value.equals(field.getAttribute("value"));
  }

  /** Logs in and returns the error the webapp shows instead of letting the user in. */
  static String refused(Browser browser, String loginPath, String user) {
    as(browser, loginPath, user);
    return browser.waiter().until(ExpectedConditions.visibilityOfElementLocated(ERROR)).getText();
  }
}
