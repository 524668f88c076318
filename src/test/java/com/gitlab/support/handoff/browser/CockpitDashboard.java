package com.gitlab.support.handoff.browser;

import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Cockpit's page "SLA dashboard" (the application's plugin, scripts/handoff/sla-dashboard-plugin.js). */
final class CockpitDashboard {

  private static final By FIGURES = By.cssSelector(".handoff-figures[data-range]");

  private final Browser browser;

  private CockpitDashboard(Browser browser) {
    this.browser = browser;
  }

  /** Cockpit's start page → the link "open the SLA dashboard" of the application's dashboard plugin. */
  static CockpitDashboard openFromCockpitsDashboard(Browser browser, String engine) {
    browser.go("/camunda/app/cockpit/" + engine + "/#/dashboard");
    browser.waiter().until(ExpectedConditions.elementToBeClickable(By.linkText("open the SLA dashboard"))).click();
    browser.waiter().until(ExpectedConditions.presenceOfElementLocated(FIGURES));
    return new CockpitDashboard(browser);
  }

  /** Types a date range into the page's From and To fields (ISO dates) and presses Show. */
  CockpitDashboard showRange(String from, String to) {
    JavascriptExecutor js = (JavascriptExecutor) browser.driver();
    js.executeScript("document.querySelector('.handoff-range input[name=from]').value = arguments[0];"
        + "document.querySelector('.handoff-range input[name=to]').value = arguments[1];", from, to);
    browser.driver().findElement(By.cssSelector(".handoff-range button[type='submit']")).click();
    browser.waiter().until(ExpectedConditions.attributeToBe(FIGURES, "data-range", from + "/" + to));
    return this;
  }

  /** The reports shown, by name, in the page's order. */
  List<String> reports() {
    return browser.driver().findElements(By.cssSelector(".handoff-figure")).stream()
        .map(figure -> figure.getAttribute("data-report")).toList();
  }

  /** The figures each chart draws: report → list of {column, series, labels, data} per dataset, from Chart.js. */
  @SuppressWarnings("unchecked")
  Map<String, List<Map<String, Object>>> charts() {
    return (Map<String, List<Map<String, Object>>>) ((JavascriptExecutor) browser.driver()).executeScript("""
        const out = {};
        document.querySelectorAll('.handoff-figure').forEach(figure => {
          const canvas = figure.querySelector('canvas');
          const chart = canvas && window.Chart.getChart(canvas);
          out[figure.getAttribute('data-report')] = chart ? chart.data.datasets.map(d => ({
            column: d.column, series: d.series, labels: chart.data.labels, data: d.data})) : null;
        });
        return out;""");
  }

  /** The number of rows each figure's table ("Figures") shows. */
  long tableRows(String report) {
    return browser.driver().findElements(By.cssSelector(".handoff-figure[data-report='" + report + "'] .handoff-figure-table tbody tr")).size();
  }

  String csvHref(String report) {
    return browser.driver().findElement(By.cssSelector(".handoff-figure[data-report='" + report + "'] a.handoff-csv")).getAttribute("href");
  }

  /** Follows a figure's CSV link with the page's session (as the browser's download would) and returns the text. */
  String downloadCsv(String report) {
    return (String) ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
        const [href, done] = arguments;
        fetch(href, {credentials: 'same-origin'}).then(r => r.ok ? r.text() : 'HTTP ' + r.status).then(done, e => done('failed ' + e));
        """, csvHref(report));
  }

  /** Scrolls a figure to the top of the window (for a screenshot). */
  void scrollTo(String report) {
    ((JavascriptExecutor) browser.driver()).executeScript(
        "document.querySelector(\".handoff-figure[data-report='\" + arguments[0] + \"']\").scrollIntoView({block: 'start'});"
            + "window.scrollBy(0, -70);", report);
  }
}
