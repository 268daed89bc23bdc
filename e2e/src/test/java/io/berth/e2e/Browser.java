package io.berth.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Headless Debian Chromium driven by Debian's chromedriver; nothing is downloaded. */
final class Browser implements AutoCloseable {

  final WebDriver driver;
  private final WebDriverWait wait;

  /**
   * @param extraArguments more Chromium switches, e.g. {@code --host-resolver-rules} for a test's
   *     own domain names
   */
  Browser(String... extraArguments) throws IOException {
    System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-proxy-server",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1280,1000",
        "--user-data-dir=" + Files.createTempDirectory("berth-chromium"));
    options.addArguments(extraArguments);
    driver =
        new ChromeDriver(
            new ChromeDriverService.Builder()
                .usingDriverExecutable(new java.io.File("/usr/bin/chromedriver"))
                .build(),
            options);
    wait = new WebDriverWait(driver, Duration.ofSeconds(30));
  }

  void open(String url) {
    driver.get(url);
  }

  WebElement find(String css) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
  }

  /** Types into the native input a Vaadin field slots into its light DOM, found by its label. */
  void type(String fieldLabel, String text) {
    WebElement input =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.xpath(
                    "//*[self::vaadin-text-field or self::vaadin-password-field or"
                        + " self::vaadin-email-field][label[normalize-space(.)='"
                        + fieldLabel
                        + "']]//input")));
    input.clear();
    input.sendKeys(text);
  }

  /** Clicks the button with this text, scrolled to the middle of the window first. */
  void click(String buttonText) {
    WebElement button =
        wait.until(
            ExpectedConditions.elementToBeClickable(
                By.xpath("//vaadin-button[normalize-space(.)='" + buttonText + "']")));
    // Away from the bottom edge, where notifications stack over the page.
    ((JavascriptExecutor) driver)
        .executeScript("arguments[0].scrollIntoView({block: 'center'});", button);
    button.click();
  }

  /** Clicks the element with this id, scrolled to the middle of the window first. */
  void clickId(String id) {
    WebElement element = wait.until(ExpectedConditions.elementToBeClickable(By.id(id)));
    // Away from the bottom edge, where notifications stack over the page.
    ((JavascriptExecutor) driver)
        .executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    element.click();
  }

  /** Clicks the button with this text inside the first element matching the XPath. */
  void clickIn(String containerXpath, String buttonText) {
    wait.until(
            ExpectedConditions.elementToBeClickable(
                By.xpath(
                    "("
                        + containerXpath
                        + ")[1]//vaadin-button[normalize-space(.)='"
                        + buttonText
                        + "']")))
        .click();
  }

  /** Signs in through the panel's login form and waits until it has let the user in. */
  void signIn(String panelUrl, String email, String password) {
    open(panelUrl + "/login");
    find("input[name='username']").sendKeys(email);
    find("input[name='password']").sendKeys(password);
    find("vaadin-login-form vaadin-button[slot='submit'], vaadin-login-form vaadin-button").click();
    waitUntil(Duration.ofSeconds(20), d -> !d.getCurrentUrl().contains("/login"));
  }

  /** Opens the Vaadin select with this id and picks the item whose text contains {@code item}. */
  void choose(String selectId, String item) {
    WebElement select = wait.until(ExpectedConditions.elementToBeClickable(By.id(selectId)));
    // Away from the bottom edge, where notifications stack over the page.
    ((JavascriptExecutor) driver)
        .executeScript("arguments[0].scrollIntoView({block: 'center'});", select);
    select.click();
    wait.until(
            ExpectedConditions.elementToBeClickable(
                By.xpath("//vaadin-select-item[contains(normalize-space(.), '" + item + "')]")))
        .click();
  }

  void waitUntil(Duration timeout, java.util.function.Function<WebDriver, Boolean> condition) {
    new WebDriverWait(driver, timeout)
        .pollingEvery(Duration.ofMillis(100))
        .ignoring(StaleElementReferenceException.class)
        .ignoring(NoSuchElementException.class)
        .until(condition);
  }

  /** The class attribute of the element with this id, read at once (re-rendered rows go stale). */
  String classOf(String id) {
    Object classes =
        ((JavascriptExecutor) driver)
            .executeScript(
                "const e = document.getElementById(arguments[0]); return e ? e.className : '';",
                id);
    return String.valueOf(classes);
  }

  /** The text content of the element with this id, read at once ("" when there is none). */
  String textOf(String id) {
    Object text =
        ((JavascriptExecutor) driver)
            .executeScript(
                "const e = document.getElementById(arguments[0]); return e ? e.textContent : '';",
                id);
    return String.valueOf(text);
  }

  String currentUrl() {
    return driver.getCurrentUrl();
  }

  String text(String css) {
    return find(css).getText();
  }

  @Override
  public void close() {
    driver.quit();
  }
}
