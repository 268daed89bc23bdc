package io.berth.activities.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.stripe.StripeClient;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Stripe's API double, stripe-mock, as {@code infra/scripts/services.sh up stripe} runs it on
 * 127.0.0.1 ({@code BERTH_STRIPE_MOCK_PORT} or 12111). It answers every documented call with
 * fixtures and keeps no state: every checkout session has the same id.
 */
final class StripeMock {

  /** A test-mode key; stripe-mock accepts any {@code sk_test_} key. */
  static final String API_KEY = "sk_test_berthIntegration";

  private StripeMock() {}

  static int port() {
    String p = System.getenv("BERTH_STRIPE_MOCK_PORT");
    return p != null ? Integer.parseInt(p) : 12111;
  }

  static URI base() {
    return URI.create("http://127.0.0.1:" + port());
  }

  /** Starts stripe-mock with services.sh unless it listens. */
  static void ensureRunning() throws IOException, InterruptedException {
    if (listening()) {
      return;
    }
    Process up =
        new ProcessBuilder(
                repositoryRoot().resolve("infra/scripts/services.sh").toString(), "up", "stripe")
            .inheritIO()
            .start();
    assertThat(up.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(up.exitValue()).as("services.sh up stripe").isZero();
  }

  /** Points a Spring test's {@code berth.stripe.*} at stripe-mock. */
  static void register(DynamicPropertyRegistry properties) {
    properties.add("berth.stripe.api-key", () -> API_KEY);
    properties.add("berth.stripe.api-base", () -> base().toString());
  }

  /** A client as the worker builds it, for stripe-mock. */
  static StripeClient client() {
    return new StripeProperties(API_KEY, base()).newClient();
  }

  private static boolean listening() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port()), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (!Files.isRegularFile(dir.resolve("berth"))) {
      dir = dir.getParent();
      assertThat(dir).as("a directory above the working directory holds ./berth").isNotNull();
    }
    return dir;
  }
}
