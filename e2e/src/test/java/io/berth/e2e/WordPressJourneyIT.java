package io.berth.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * One-click WordPress as a customer lives it, in real Chromium against the real platform: order
 * WordPress with a title → live progress through database and install → the front page shows the
 * title → sign in to wp-admin with the password the panel shows once → publish a post → the post is
 * on the front page → the container is re-created → the post is still there.
 */
class WordPressJourneyIT {

  private static Platform platform;
  private static Browser browser;

  @BeforeAll
  static void start() throws Exception {
    platform = Platform.fromJars();
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

  @Test
  void customerOrdersWordPressPublishesAPostAndKeepsItAcrossAContainerRecreation()
      throws Exception {
    String site = "wp" + Long.toString(System.nanoTime() % 100000, 36);
    String title = "Notes from " + site;
    String email = site + "@berth.test";
    String password = "WordPress-journey-password-1";
    PanelApi api = new PanelApi(platform.panelUrl()).signUp(email, password);
    long trial = api.planId("Trial");

    browser.signIn(platform.panelUrl(), email, password);
    browser.open(platform.panelUrl() + "/checkout/" + trial);
    browser.find("#app-wordpress").click();
    browser.type("Site name", site);
    browser.type("Site title", title);
    browser.click("Order");
    browser.waitUntil(Duration.ofSeconds(20), d -> d.getCurrentUrl().matches(".*/orders/\\d+$"));
    long orderId = Long.parseLong(browser.driver.getCurrentUrl().replaceAll(".*/orders/", ""));
    browser.waitUntil(Duration.ofSeconds(180), d -> browser.classOf("step-done").contains("done"));
    for (String step : new String[] {"database", "container", "install", "route", "health-check"}) {
      assertThat(browser.classOf("step-" + step)).contains("done");
    }
    long siteId = api.order(orderId).get("siteId").asLong();

    browser.open(platform.panelUrl() + "/sites");
    assertThat(browser.text("#wp-admin-user-" + siteId)).contains("admin");
    String adminPassword = browser.find("#wp-admin-password-" + siteId).getAttribute("value");
    if (adminPassword == null || adminPassword.isBlank()) {
      adminPassword = browser.text("#wp-admin-password-" + siteId).strip();
    }
    assertThat(adminPassword).hasSizeGreaterThanOrEqualTo(16);

    String front = "http://" + site + ".berth.localhost:" + Platform.PROXY_PORT + "/";
    browser.open(front + "?visit=" + System.nanoTime());
    assertThat(browser.driver.getTitle()).contains(title);

    browser.open(front + "wp-login.php");
    browser.find("#user_login").sendKeys("admin");
    browser.find("#user_pass").sendKeys(adminPassword);
    browser.find("#wp-submit").click();
    browser.waitUntil(Duration.ofSeconds(30), d -> d.getCurrentUrl().contains("/wp-admin"));
    assertThat(browser.driver.findElements(By.id("wpadminbar"))).isNotEmpty();

    // The block editor publishes through WordPress's REST API with the session's nonce: the same
    // call its "Publish" button makes.
    String postTitle = "Hello from the e2e test " + site;
    browser.open(front + "wp-admin/post-new.php");
    browser.waitUntil(
        Duration.ofSeconds(60),
        d ->
            Boolean.TRUE.equals(
                ((JavascriptExecutor) d)
                    .executeScript("return !!(window.wp && window.wp.apiFetch);")));
    Object published =
        ((JavascriptExecutor) browser.driver)
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "wp.apiFetch({path: '/wp/v2/posts', method: 'POST',"
                    + " data: {title: arguments[0], content: 'Posted by a real browser.',"
                    + " status: 'publish'}})"
                    + ".then(p => done(p.status), e => done('error: ' + JSON.stringify(e)));",
                postTitle);
    assertThat(published).isEqualTo("publish");

    browser.open(front + "?visit=" + System.nanoTime());
    assertThat(browser.driver.getPageSource()).contains(postTitle);

    platform.recreateSiteContainer(siteId);
    await()
        .atMost(Duration.ofSeconds(90))
        .until(
            () ->
                ProxyClient.fetch(
                        site + ".berth.localhost:" + Platform.PROXY_PORT, Platform.PROXY_PORT)
                    .body()
                    .contains(postTitle));
    browser.open(front + "?visit=" + System.nanoTime());
    assertThat(browser.driver.getPageSource()).contains(postTitle).contains(title);
  }
}
