package io.berth.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;

/**
 * A running site's usage against its plan, as its owner sees it: the worker samples the container,
 * the API answers points within the plan's limits, and the Usage page draws them in Chromium. Also
 * what an operator scrapes: the panel's and the worker's Prometheus metrics.
 */
class UsageChartJourneyIT {

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
  void givenARunningSite_whenItsOwnerOpensUsage_theChartsShowSampledPointsUnderThePlanLimit()
      throws Exception {
    String site = "usage" + Long.toString(System.nanoTime() % 100000, 36);
    String email = site + "@berth.test";
    String password = "Usage-journey-password-1";
    PanelApi api = new PanelApi(platform.panelUrl()).signUp(email, password);
    long orderId = api.order(api.planId("Trial"), site, "static", null);
    await()
        .atMost(Duration.ofMinutes(4))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> api.order(orderId).get("status").asText().equals("ACTIVE"));
    long siteId = api.order(orderId).get("siteId").asLong();

    // A few samples (one every 2 s in this platform), with memory read from the engine.
    await()
        .atMost(Duration.ofMinutes(1))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> api.usage(siteId, "hour").get("points").size() >= 2);
    JsonNode usage = api.usage(siteId, "hour");
    assertThat(usage.get("siteId").asLong()).isEqualTo(siteId);
    assertThat(usage.get("range").asText()).isEqualTo("hour");
    long memoryLimit = usage.get("limits").get("memoryBytes").asLong();
    JsonNode planLimits = api.plan("Trial").get("limits");
    assertThat(memoryLimit).isEqualTo(planLimits.get("memoryMb").asLong() * 1024 * 1024);
    assertThat(usage.get("limits").get("cpuMillis").asInt())
        .isEqualTo(planLimits.get("cpuMillis").asInt());
    for (JsonNode point : usage.get("points")) {
      assertThat(point.get("memoryBytes").asLong()).isPositive().isLessThanOrEqualTo(memoryLimit);
      assertThat(point.get("cpuMillis").asInt()).isNotNegative();
      assertThat(point.get("at").asText()).isNotBlank();
    }

    browser.signIn(platform.panelUrl(), email, password);
    browser.open(platform.panelUrl() + "/sites/" + siteId);
    browser.clickId("site-usage-link");
    browser.waitUntil(
        Duration.ofSeconds(30), d -> d.getCurrentUrl().endsWith("/sites/" + siteId + "/usage"));
    browser.waitUntil(
        Duration.ofSeconds(30),
        d -> !d.findElements(By.cssSelector("#usage-chart-memory svg circle.point")).isEmpty());
    assertThat(browser.driver.findElements(By.cssSelector("#usage-chart-memory svg line.limit")))
        .hasSize(1);
    assertThat(browser.driver.findElement(By.id("usage-chart-memory")).getText())
        .contains("Plan limit");

    byte[] png = ((TakesScreenshot) browser.driver).getScreenshotAs(OutputType.BYTES);
    Path shot = Files.createDirectories(Path.of("target/screenshots")).resolve("usage.png");
    Files.write(shot, png);
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(image).as("a PNG screenshot").isNotNull();
    assertThat(distinctColours(image)).as("colours in the screenshot").isGreaterThan(16);
  }

  @Test
  void givenThePlatform_whenAnOperatorScrapesPrometheus_itListsOrdersSitesAndTemporalMetrics()
      throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    String panel = scrape(http, platform.panelUrl() + "/actuator/prometheus");
    assertThat(panel).contains("berth_orders").contains("berth_sites");

    String worker = scrape(http, platform.agentUrl() + "/actuator/prometheus");
    assertThat(worker).contains("berth_usage_samples_total").containsPattern("(?m)^temporal_\\w+");
  }

  private static String scrape(HttpClient http, String url) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(url).isEqualTo(200);
    return response.body();
  }

  private static int distinctColours(BufferedImage image) {
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 2) {
      for (int x = 0; x < image.getWidth(); x += 2) {
        colours.add(image.getRGB(x, y));
      }
    }
    return colours.size();
  }
}
