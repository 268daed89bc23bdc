package io.berth.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A customer brings their own domain, in real Chromium against the real platform: add {@code
 * example.test} with hosted DNS in the panel → BIND answers for it with the host's address (asked
 * with {@code dig}, as the customer would) → attach it to their site → a certificate from the ACME
 * CA (Pebble) is installed without asking: the site answers over HTTPS for {@code example.test} and
 * {@code www.example.test} with a chain that verifies against the CA's root, HTTP redirects there,
 * the site's page shows the padlock details, and the platform hostname keeps working → remove the
 * domain → the zone, the route and the certificate are gone.
 */
class DomainJourneyIT {

  private static final String DOMAIN = "example.test";

  private static Platform platform;
  private static Browser browser;

  @BeforeAll
  static void start() throws Exception {
    platform = Platform.fromJars();
    Platform.deleteZone(DOMAIN);
    // The customer's browser finds example.test here. Pebble's root is not in its trust store:
    // the chain is checked with curl against that root, the browser only loads the page.
    browser =
        new Browser(
            "--host-resolver-rules=MAP " + DOMAIN + " 127.0.0.1,MAP www." + DOMAIN + " 127.0.0.1",
            "--ignore-certificate-errors");
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

    String domainPage = browser.currentUrl();
    browser.choose("domain-attach-site", site);
    browser.click("Attach");

    // HTTPS without asking: ordered from the CA, validated over HTTP-01, installed into nginx.
    Path caRoot = Platform.acmeRoot();
    await()
        .atMost(Duration.ofSeconds(120))
        .untilAsserted(
            () -> {
              assertThat(curl("https", DOMAIN, caRoot)).contains("HTTP 200", "Your site is live");
              assertThat(curl("https", "www." + DOMAIN, caRoot))
                  .contains("HTTP 200", "Your site is live");
            });
    // Plain HTTP now redirects there; the platform hostname keeps answering over HTTP. nginx
    // reloads gracefully: a worker of the configuration before the certificate may still take a
    // connection for a moment after the new ones serve HTTPS.
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(curl("http", DOMAIN, null))
                    .contains(
                        "HTTP 301 https://" + DOMAIN + ":" + Platform.PROXY_HTTPS_PORT + "/"));
    assertThat(Platform.visit(site).status()).isEqualTo(200);

    // The site's page shows the padlock: who issued it, for which names, until when.
    browser.find("#domain-https-site").click();
    browser.waitUntil(
        Duration.ofSeconds(30), d -> browser.classOf("step-install").contains("done"));
    assertThat(browser.text("#https-names")).contains(DOMAIN, "www." + DOMAIN);
    assertThat(browser.text("#https-valid-until")).isNotBlank();
    assertThat(browser.text("#https-renews")).isNotBlank();
    String httpsUrl = "https://" + DOMAIN + ":" + Platform.PROXY_HTTPS_PORT + "/";
    assertThat(browser.text("#https-link-0")).isEqualTo(httpsUrl);

    // Following the plain-HTTP address lands on HTTPS, where the site loads.
    browser.open("http://" + DOMAIN + ":" + Platform.PROXY_PORT + "/");
    browser.waitUntil(Duration.ofSeconds(10), d -> d.getCurrentUrl().equals(httpsUrl));
    assertThat(browser.driver.getPageSource()).contains("Your site is live");

    browser.open(domainPage);
    browser.click("Remove domain");
    browser.type("Type " + DOMAIN + " to confirm", DOMAIN);
    browser.click("Remove");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                dig(DOMAIN, "SOA").isEmpty()
                    && ProxyClient.fetch(DOMAIN, Platform.PROXY_PORT).status() == 404
                    && curl("https", DOMAIN, caRoot).contains("HTTP 000"));
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
   * {@code curl --resolve name:<port>:127.0.0.1 <scheme>://name:<port>/}, trusting only the given
   * CA root for HTTPS: the body the visitor sees, then a line {@code HTTP <status> <redirect>}. An
   * {@code http_proxy} in the environment is ignored: the name must reach the local proxy.
   */
  private static String curl(String scheme, String name, Path caRoot)
      throws IOException, InterruptedException {
    int port = scheme.equals("https") ? Platform.PROXY_HTTPS_PORT : Platform.PROXY_PORT;
    String hostPort = name + ":" + port;
    List<String> command =
        new ArrayList<>(
            List.of(
                "curl",
                "-sS",
                "--noproxy",
                "*",
                "-w",
                "\nHTTP %{http_code} %{redirect_url}",
                "--resolve",
                hostPort + ":127.0.0.1"));
    if (caRoot != null) {
      command.addAll(List.of("--cacert", caRoot.toString()));
    }
    command.add(scheme + "://" + hostPort + "/");
    Process curl = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    curl.waitFor();
    return out;
  }
}
