package io.berth.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import org.openqa.selenium.By;
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

  Browser() throws IOException {
    System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1280,1000",
        "--user-data-dir=" + Files.createTempDirectory("berth-chromium"));
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

  /** Types into the native input a Vaadin field slots into its light DOM. */
  void type(String fieldLabel, String text) {
    WebElement input =
        find(
            "vaadin-text-field[label='"
                + fieldLabel
                + "'] input, vaadin-password-field[label='"
                + fieldLabel
                + "'] input");
    input.clear();
    input.sendKeys(text);
  }

  void click(String buttonText) {
    wait.until(
            ExpectedConditions.elementToBeClickable(
                By.xpath("//vaadin-button[normalize-space(.)='" + buttonText + "']")))
        .click();
  }

  void clickIn(String css, String buttonText) {
    wait.until(
            ExpectedConditions.elementToBeClickable(
                By.cssSelector(css)
                    .findElements(driver)
                    .get(0)
                    .findElement(
                        By.xpath(".//vaadin-button[normalize-space(.)='" + buttonText + "']"))))
        .click();
  }

  void waitUntil(Duration timeout, java.util.function.Function<WebDriver, Boolean> condition) {
    new WebDriverWait(driver, timeout).pollingEvery(Duration.ofMillis(100)).until(condition);
  }

  String text(String css) {
    return find(css).getText();
  }

  @Override
  public void close() {
    driver.quit();
  }
}
