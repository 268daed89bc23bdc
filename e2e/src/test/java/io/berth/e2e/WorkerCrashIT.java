package io.berth.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.Closeable;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Durability: the worker is killed with SIGKILL while the order is in the container step, with the
 * Docker engine frozen so the step is surely mid-call; a new worker finishes the order with exactly
 * one container and one route.
 */
class WorkerCrashIT {

  private static Platform platform;

  @BeforeAll
  static void start() throws Exception {
    platform = Platform.fromJars();
  }

  @AfterAll
  static void stop() throws Exception {
    if (platform != null) {
      platform.close();
    }
  }

  @Test
  void givenWorkerKilledInContainerStep_whenRestarted_theOrderFinishesWithOneContainerAndRoute()
      throws Exception {
    PanelApi api =
        new PanelApi(platform.panelUrl()).signUp("crash@berth.test", "Crash-test-password-1");
    long trial = api.planId("Trial");

    long orderId;
    CountDownLatch killed = new CountDownLatch(1);
    // The worker dies the moment Docker reports the site's container created: mid-step, with a
    // container that was never started and a workflow that was never told.
    try (Closeable watch =
        platform.onContainerCreated(
            () -> {
              platform.killWorker();
              killed.countDown();
            })) {
      orderId = api.order(trial, "crashsite");
      assertThat(killed.await(60, TimeUnit.SECONDS))
          .as("worker killed in the container step")
          .isTrue();
    }
    assertThat(api.step(orderId, "container").get("state").asText()).isIn("RUNNING", "RETRYING");
    platform.startWorker();

    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> api.order(orderId).get("status").asText().equals("ACTIVE"));
    long siteId = api.order(orderId).get("siteId").asLong();

    assertThat(platform.containersOfSite(siteId)).hasSize(1);
    assertThat(platform.routesOfSite(siteId)).hasSize(1);
    assertThat(api.site(siteId).get("status").asText()).isEqualTo("RUNNING");
    ProxyClient.Answer page = Platform.visit("crashsite");
    assertThat(page.status()).isEqualTo(200);
  }
}
