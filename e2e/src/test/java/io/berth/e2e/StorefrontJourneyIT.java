package io.berth.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;

/**
 * The walking skeleton as a visitor lives it, in real Chromium against {@code ./berth run}:
 * storefront → sign up → sign in → order the Trial → progress shown live → the site answers → Stop
 * → "site stopped" page → Start → the site again.
 */
class StorefrontJourneyIT {

  private static Platform platform;
  private static Browser browser;

  @BeforeAll
  static void start() throws Exception {
    platform = Platform.fromLauncher();
    browser = new Browser();
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) {
      browser.close();
    }
    if (platform != null) {
      platform.close();
    }
  }

  /** The site's address, with a fresh query so the browser cannot answer from its cache. */
  private static String siteUrl(String site) {
    return "http://"
        + site
        + ".berth.localhost:"
        + Platform.PROXY_PORT
        + "/?visit="
        + System.nanoTime();
  }

  @Test
  void visitorBuysTrialAndWatchesTheSiteComeAlive() throws Exception {
    String site = "journey" + Long.toString(System.nanoTime() % 100000, 36);
    String email = site + "@berth.test";
    String password = "Journey-password-1";

    browser.open(platform.panelUrl() + "/");
    assertThat(browser.text("#plan-trial")).contains("Trial");
    assertThat(browser.text("#plan-starter")).contains("Starter");
    assertThat(browser.text("#plan-business")).contains("Business");

    browser.click("Sign up");
    browser.type("Email", email);
    browser.type("Password", password);
    browser.click("Create account");

    browser.signIn(platform.panelUrl(), email, password);

    browser.open(platform.panelUrl() + "/");
    browser.clickIn("//*[@id='plan-trial']", "Choose");
    browser.type("Site name", site);
    browser.click("Order");
    browser.waitUntil(Duration.ofSeconds(20), d -> d.getCurrentUrl().matches(".*/orders/\\d+$"));

    // The order page is never reloaded from here on: a marker on window proves it.
    JavascriptExecutor js = (JavascriptExecutor) browser.driver;
    js.executeScript("window.berthMarker = 'same page';");
    browser.waitUntil(Duration.ofSeconds(90), d -> browser.classOf("step-done").contains("done"));
    assertThat(js.executeScript("return window.berthMarker;")).isEqualTo("same page");
    for (String step :
        new String[] {"placement", "network", "container", "route", "health-check"}) {
      assertThat(browser.classOf("step-" + step)).contains("done");
    }

    assertThat(Platform.visit(site).status()).isEqualTo(200);
    browser.open(siteUrl(site));
    assertThat(browser.text("h1")).isEqualTo("Your site is live");

    browser.open(platform.panelUrl() + "/sites");
    browser.clickIn("//*[contains(@class, 'site-card')]", "Stop");
    await().atMost(Duration.ofSeconds(30)).until(() -> Platform.visit(site).status() == 503);
    browser.open(siteUrl(site));
    assertThat(browser.text("h1")).isEqualTo("This site is stopped");

    browser.open(platform.panelUrl() + "/sites");
    browser.clickIn("//*[contains(@class, 'site-card')]", "Start");
    await().atMost(Duration.ofSeconds(30)).until(() -> Platform.visit(site).status() == 200);
    browser.open(siteUrl(site));
    assertThat(browser.text("h1")).isEqualTo("Your site is live");
  }
}
