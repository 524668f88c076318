package com.gitlab.support.handoff.browser;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.slf4j.LoggerFactory;

/**
 * Debian's headless Chromium driven through Debian's chromedriver. Both paths are given explicitly,
 * so Selenium Manager is never asked to find (or download) a browser or a driver; the flags keep
 * Chromium off the network, which is closed on CI and would make it hang.
 */
final class Browser implements AutoCloseable {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  /** Longest wait for anything on a page; the webapps answer in well under a second on a quiet machine. */
  static final Duration TIMEOUT = Duration.ofSeconds(30);
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  /** The viewport of every screenshot: the size of the pictures in docs/images. */
  private static final Dimension VIEWPORT = new Dimension(1280, 800);

  private final WebDriver driver;
  private final WebDriverWait wait;
  private final Path profile;
  final String baseUrl;

  private Browser(WebDriver driver, Path profile, String baseUrl) {
    this.driver = driver;
    this.profile = profile;
    this.baseUrl = baseUrl;
    this.wait = new WebDriverWait(driver, TIMEOUT);
  }

  private static final String NOT_INSTALLED = "Browser tests skipped: " + CHROMIUM + " and " + CHROMEDRIVER
      + " are needed. Install them with `sudo apt-get install chromium chromium-driver` (.ci/run does so as root), "
      + "then run `./mvnw verify`, or only these: `./mvnw verify -Dit.test='*BrowserIT' -Dtest=NONE "
      + "-Dsurefire.failIfNoSpecifiedTests=false`";
  private static boolean toldNotInstalled;

  /**
   * Skips the calling test (a JUnit assumption, reported as skipped with the reason) where Debian's
   * Chromium or its driver is missing, and says so once in the build log.
   */
  static void assumeInstalled() {
    boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!installed && !toldNotInstalled) {
      LoggerFactory.getLogger(Browser.class).warn(NOT_INSTALLED);
      toldNotInstalled = true;
    }
    assumeTrue(installed, NOT_INSTALLED);
  }

  static Browser open(String baseUrl) {
    Path profile;
    try {
      profile = Files.createTempDirectory("chromium-profile-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--user-data-dir=" + profile,
        "--window-size=" + VIEWPORT.width + "," + VIEWPORT.height);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort()
        .build();
    Browser browser = new Browser(new ChromeDriver(service, options), profile, baseUrl);
    browser.fitViewport();
    return browser;
  }

  WebDriver driver() {
    return driver;
  }

  WebDriverWait waiter() {
    return wait;
  }

  void go(String path) {
    driver.get(baseUrl + path);
  }

  /**
   * Forgets every login: the webapps keep their session in cookies. The page visited to reach the
   * cookies is a plain JSON one, not a webapp, which would look up the engine named "default".
   */
  void logOutEverywhere() {
    driver.get(baseUrl + "/actuator/health");
    driver.manage().deleteAllCookies();
    ((JavascriptExecutor) driver).executeScript("window.localStorage.clear(); window.sessionStorage.clear();");
  }

  /**
   * Clicks like a user who first scrolls the element to the middle of the window: Tasklist's fixed
   * footer and notifications would otherwise catch clicks on buttons at the bottom edge.
   */
  void click(WebElement element) {
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center', inline: 'nearest'});", element);
    wait.until(ExpectedConditions.elementToBeClickable(element)).click();
  }

  /**
   * Clicks like a user who first moves the pointer off whatever it rests on: Tasklist's tooltips (a
   * filter's description) appear under a resting pointer and would catch the click.
   */
  void clickPastTooltips(By locator) {
    for (int attempt = 1; ; attempt++) {
      new Actions(driver).moveToLocation(VIEWPORT.width - 2, VIEWPORT.height - 2).perform();
      wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".tooltip-inner")));
      try {
        wait.until(ExpectedConditions.elementToBeClickable(locator)).click();
        return;
      } catch (org.openqa.selenium.ElementClickInterceptedException covered) {
        if (attempt == 3) {
          throw covered;
        }
      }
    }
  }

  /** Saves what the page shows now as target/screenshots/{name}.png and returns the file. */
  Path screenshot(String name) {
    // The pointer rests in the bottom-left corner, so no tooltip of the last click covers the page.
    new Actions(driver).moveToLocation(1, VIEWPORT.height - 2).perform();
    try {
      Files.createDirectories(SCREENSHOTS);
      File shot = ((ChromeDriver) driver).getScreenshotAs(OutputType.FILE);
      Path target = SCREENSHOTS.resolve(name + ".png");
      Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
      Files.deleteIfExists(shot.toPath());
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      deleteProfile();
    }
  }

  /** Headless Chromium counts its window frame in --window-size; grow the window until the page itself is 1280x800. */
  private void fitViewport() {
    Map<?, ?> inner = (Map<?, ?>) ((JavascriptExecutor) driver)
        .executeScript("return {width: window.innerWidth, height: window.innerHeight};");
    int width = ((Number) inner.get("width")).intValue();
    int height = ((Number) inner.get("height")).intValue();
    if (width != VIEWPORT.width || height != VIEWPORT.height) {
      Dimension window = driver.manage().window().getSize();
      driver.manage().window().setSize(new Dimension(
          window.width + VIEWPORT.width - width, window.height + VIEWPORT.height - height));
    }
  }

  private void deleteProfile() {
    try (Stream<Path> files = Files.walk(profile)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // A leftover temporary profile is harmless.
    }
  }
}
