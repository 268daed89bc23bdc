package io.berth.activities.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.activities.dns.BindServer;
import io.berth.activities.testing.PlatformRows;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The real Pebble, nginx and BIND that infra/scripts/services.sh runs for development and CI,
 * started with it when they are not up. Pebble resolves names through the BIND on 5300 and checks
 * HTTP-01 on port 8880, where the host nginx serves the files under {@link #challengeDirectory}.
 */
final class PebbleServer {

  static final String DIRECTORY = "https://127.0.0.1:14000/dir";
  static final URI ROOT = URI.create("https://127.0.0.1:15000/roots/0");

  private PebbleServer() {}

  /**
   * The worker's ACME and secrets settings for a Spring test against this Pebble: a fresh secrets
   * key, the sites domain given, and the test host serving the platform's certificate.
   */
  static void register(DynamicPropertyRegistry properties, String sitesDomain) {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    properties.add("berth.secrets.key", () -> Base64.getEncoder().encodeToString(key));
    properties.add("berth.acme.directory-url", () -> DIRECTORY);
    properties.add("berth.acme.trusted-ca", () -> listenerCa().toString());
    properties.add("berth.sites.domain", () -> sitesDomain);
    properties.add("berth.certificates.platform.host-id", () -> PlatformRows.HOST);
  }

  static void ensureRunning() throws IOException, InterruptedException {
    BindServer.ensureRunning();
    if (!listening(8880)) {
      services("nginx");
    }
    if (!listening(14000)) {
      services("pebble");
    }
  }

  private static void services(String service) throws IOException, InterruptedException {
    Process up =
        new ProcessBuilder(
                repositoryRoot().resolve("infra/scripts/services.sh").toString(), "up", service)
            .inheritIO()
            .start();
    assertThat(up.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(up.exitValue()).as("services.sh up " + service).isZero();
  }

  static Path home() {
    String home = System.getenv("BERTH_HOME");
    return home != null ? Path.of(home) : repositoryRoot().resolve(".berth");
  }

  /** The CA of Pebble's own HTTPS listener (not of the certificates it issues). */
  static Path listenerCa() {
    return home().resolve("pebble/ca.pem");
  }

  /** Where the shared nginx serves {@code /.well-known/acme-challenge/} from, for every name. */
  static Path challengeDirectory() {
    return home().resolve("nginx/acme-challenge/.well-known/acme-challenge");
  }

  /** The root Pebble issues under now, from its management API. */
  static X509Certificate issuingRoot() throws Exception {
    HttpClient http =
        HttpClient.newBuilder()
            .sslContext(TrustingAcmeProvider.sslContext(listenerCa()))
            .proxy(HttpClient.Builder.NO_PROXY)
            .build();
    HttpResponse<byte[]> response =
        http.send(HttpRequest.newBuilder(ROOT).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).isEqualTo(200);
    return (X509Certificate)
        CertificateFactory.getInstance("X.509")
            .generateCertificate(new ByteArrayInputStream(response.body()));
  }

  static Path repositoryRoot() {
    Path root = Path.of("").toAbsolutePath();
    while (!Files.exists(root.resolve("infra/scripts/services.sh"))) {
      root = root.getParent();
    }
    return root;
  }

  static boolean listening(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
