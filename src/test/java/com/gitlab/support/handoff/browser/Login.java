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
    WebElement username = browser.waiter().until(ExpectedConditions.visibilityOfElementLocated(USERNAME));
    username.sendKeys(user);
    browser.driver().findElement(PASSWORD).sendKeys(user);
    browser.driver().findElement(SUBMIT).click();
  }

  /** Logs in and returns the error the webapp shows instead of letting the user in. */
  static String refused(Browser browser, String loginPath, String user) {
    as(browser, loginPath, user);
    return browser.waiter().until(ExpectedConditions.visibilityOfElementLocated(ERROR)).getText();
  }
}
