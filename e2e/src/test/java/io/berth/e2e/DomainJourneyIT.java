package io.berth.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A customer brings their own domain, in real Chromium against the real platform: add {@code
 * example.test} with hosted DNS in the panel → BIND answers for it with the host's address (asked
 * with {@code dig}, as the customer would) → attach it to their site → the proxy serves the site
 * for {@code example.test} and {@code www.example.test} while the platform hostname keeps working →
 * remove the domain → the zone and the route are gone.
 */
class DomainJourneyIT {

  private static final String DOMAIN = "example.test";

  private static Platform platform;
  private static Browser browser;

  @BeforeAll
  static void start() throws Exception {
    platform = Platform.fromJars();
    Platform.deleteZone(DOMAIN);
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
  void customerAddsAHostedDomainAndServesTheirSiteOnIt() throws Exception {
    String site = "domains" + Long.toString(System.nanoTime() % 100000, 36);
    String email = site + "@berth.test";
    String password = "Domain-journey-password-1";
    PanelApi api = new PanelApi(platform.panelUrl()).signUp(email, password);
    long orderId = api.order(api.planId("Trial"), site);
    await()
        .atMost(Duration.ofSeconds(90))
        .until(() -> api.order(orderId).get("status").asText().equals("ACTIVE"));

    browser.signIn(platform.panelUrl(), email, password);
    browser.open(platform.panelUrl() + "/domains");
    browser.find("#domain-name input").sendKeys(DOMAIN);
    browser.click("Add domain");
    browser.waitUntil(Duration.ofSeconds(20), d -> d.getCurrentUrl().matches(".*/domains/\\d+$"));
    browser.waitUntil(
        Duration.ofSeconds(60), d -> browser.classOf("step-dns-check").contains("done"));
    assertThat(browser.classOf("step-zone")).contains("done");
    assertThat(browser.classOf("step-records")).contains("done");

    assertThat(dig(DOMAIN, "A")).containsExactly("127.0.0.1");
    assertThat(dig("www." + DOMAIN, "A")).contains(DOMAIN + ".", "127.0.0.1");

    browser.choose("domain-attach-site", site);
    browser.click("Attach");
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              assertThat(curlResolved(DOMAIN)).contains("HTTP 200", "Your site is live");
              assertThat(curlResolved("www." + DOMAIN)).contains("HTTP 200", "Your site is live");
            });
    assertThat(Platform.visit(site).status()).isEqualTo(200);

    browser.click("Remove domain");
    browser.type("Type " + DOMAIN + " to confirm", DOMAIN);
    browser.click("Remove");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                dig(DOMAIN, "SOA").isEmpty()
                    && ProxyClient.fetch(DOMAIN, Platform.PROXY_PORT).status() != 200);
    assertThat(Platform.visit(site).status()).isEqualTo(200);
  }

  /** {@code dig +short} against Berth's BIND, as a customer checks their zone. */
  private static List<String> dig(String name, String type)
      throws IOException, InterruptedException {
    Process dig =
        new ProcessBuilder("dig", "@127.0.0.1", "-p", "5300", "+short", "+norecurse", name, type)
            .redirectErrorStream(true)
            .start();
    String out = new String(dig.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(dig.waitFor()).as("dig: %s", out).isZero();
    return out.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
  }

  /**
   * {@code curl --resolve name:8880:127.0.0.1 http://name:8880/}: the body the visitor sees, then a
   * line {@code HTTP <status>}. An {@code http_proxy} in the environment is ignored: the name must
   * reach the local proxy.
   */
  private static String curlResolved(String name) throws IOException, InterruptedException {
    String hostPort = name + ":" + Platform.PROXY_PORT;
    Process curl =
        new ProcessBuilder(
                "curl",
                "-sS",
                "--noproxy",
                "*",
                "-w",
                "\nHTTP %{http_code}",
                "--resolve",
                hostPort + ":127.0.0.1",
                "http://" + hostPort + "/")
            .redirectErrorStream(true)
            .start();
    String out = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(curl.waitFor()).as("curl: %s", out).isZero();
    return out;
  }
}
