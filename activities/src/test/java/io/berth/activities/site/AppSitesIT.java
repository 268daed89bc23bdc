package io.berth.activities.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import io.berth.activities.database.DatabaseActivitiesImpl;
import io.berth.activities.docker.DockerFixture;
import io.berth.activities.docker.DockerNames;
import io.berth.activities.proxy.SiteAddresses;
import io.berth.activities.testing.DockerLeftovers;
import io.berth.activities.testing.PlatformDatabase;
import io.berth.activities.testing.PlatformRows;
import io.berth.activities.testing.SiteHttp;
import io.berth.persistence.database.CustomerDatabase;
import io.berth.persistence.database.CustomerDatabaseRepository;
import io.berth.persistence.secret.SecretNames;
import io.berth.persistence.secret.SecretStore;
import io.berth.persistence.site.SiteRepository;
import io.berth.workflows.common.PlanLimits;
import io.berth.workflows.database.DatabaseStatus;
import io.berth.workflows.site.ContainerSpec;
import io.berth.workflows.site.SitePlan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Sites of every built-in app, set up step by step as the site workflow does it, with the
 * activities wired as the worker wires them: the real schema in a fresh PostgreSQL database, the
 * real app images and customer MariaDB servers on the local engine.
 */
@SpringBootTest(classes = SiteActivitiesContext.class)
@DirtiesContext
class AppSitesIT {

  static final PlanLimits STARTER = new PlanLimits(500, 256, 5120, 3);
  static final PlanLimits BUSINESS = new PlanLimits(2000, 1024, 20480, 10);

  @DynamicPropertySource
  static void freshDatabase(DynamicPropertyRegistry properties) throws Exception {
    PlatformDatabase.createFor(properties, "berth_app_sites_it");
    // A small pool, closed with the context after the class (@DirtiesContext): the cached contexts
    // of the whole suite would otherwise hold more connections than PostgreSQL allows.
    properties.add("spring.datasource.hikari.maximum-pool-size", () -> 2);
    String keyFile = Files.createTempDirectory("berth-secrets").resolve("secrets.key").toString();
    properties.add("berth.secrets.key-file", () -> keyFile);
  }

  @BeforeAll
  static void images() throws Exception {
    DockerFixture.buildImages();
  }

  @Autowired SiteRecordActivitiesImpl records;
  @Autowired SiteHostActivitiesImpl host;
  @Autowired DatabaseActivitiesImpl databaseActivities;
  @Autowired CustomerDatabaseRepository databases;
  @Autowired SiteRepository sites;
  @Autowired SecretStore secrets;
  @Autowired SiteAddresses addresses;
  @Autowired DockerClient docker;
  @Autowired JdbcClient jdbc;

  private PlatformRows rows;

  @BeforeEach
  void setUp() {
    rows = new PlatformRows(jdbc);
  }

  @AfterEach
  void removeContainers() {
    DockerLeftovers.remove(docker, rows);
  }

  @Test
  void givenWordPressSite_itGetsItsOwnDatabase_isInstalledOnce_andItsAdminCanSignIn()
      throws Exception {
    long customer = rows.customer();
    String name = PlatformRows.uniqueName("wp");
    int port = freePort();
    long site = rows.site(customer, name, "wordpress", null, port);
    assertThat(sites.updateTitle(site, "Harbour notes")).isEqualTo(1);
    String hostHeader = addresses.authority(name);

    SitePlan plan = records.planSite(site);
    assertThat(plan.ownsDatabase()).isTrue();
    assertThat(plan.install()).isTrue();
    CustomerDatabase database = databases.findById(plan.databaseId()).orElseThrow();
    assertThat(database.name()).isEqualTo("wp_" + name);
    assertThat(database.siteId()).isEqualTo(site);

    databaseActivities.ensureDatabase(plan.databaseId());
    assertThat(databases.findById(plan.databaseId()).orElseThrow().status())
        .isEqualTo(DatabaseStatus.READY);
    host.ensureNetwork(customer);
    host.ensureContainer(new ContainerSpec(site, customer, name, "wordpress", port, STARTER));
    installWhenDatabaseAnswers(site);
    host.installApp(site);

    // The container carries the credentials and the site's address, and its labels none of them.
    InspectContainerResponse container = inspect(site);
    String dbPassword = secrets.read(database.passwordSecret()).orElseThrow();
    assertThat(container.getConfig().getEnv())
        .contains(
            "BERTH_DB_HOST=berth-db-" + customer + ":3306",
            "BERTH_DB_NAME=wp_" + name,
            "BERTH_DB_USER=wp_" + name,
            "BERTH_DB_PASSWORD=" + dbPassword,
            "BERTH_SITE_URL=http://" + hostHeader);
    assertThat(container.getConfig().getLabels().values().toString()).doesNotContain(dbPassword);
    assertThat(container.getHostConfig().getMemory()).isEqualTo(STARTER.memoryBytes());
    assertThat(container.getHostConfig().getMemorySwap()).isEqualTo(STARTER.memoryBytes());
    assertThat(container.getHostConfig().getNanoCPUs()).isEqualTo(STARTER.nanoCpus());
    assertThat(container.getHostConfig().getRestartPolicy().getName()).isEqualTo("unless-stopped");

    SiteHttp.Response front = SiteHttp.getWhenUp(port, hostHeader, "/");
    assertThat(front.status()).isEqualTo(200);
    assertThat(front.body()).contains("Harbour notes");
    assertThat(SiteHttp.get(port, hostHeader, "/wp-login.php").status()).isEqualTo(200);

    String adminPassword = secrets.read(SecretNames.siteAdminPassword(site)).orElseThrow();
    SiteHttp.Response signIn = signIn(port, hostHeader, adminPassword);
    assertThat(signIn.status()).isEqualTo(302);
    assertThat(signIn.header("Location")).isEqualTo("http://" + hostHeader + "/wp-admin/");
    assertThat(signIn.headers("Set-Cookie")).anyMatch(c -> c.startsWith("wordpress_logged_in_"));
    assertThat(signIn(port, hostHeader, "not-" + adminPassword).status())
        .as("a wrong password is refused")
        .isEqualTo(200);

    // The plan's new limits reach the same container in place.
    String before = container.getId();
    host.ensureContainer(new ContainerSpec(site, customer, name, "wordpress", port, BUSINESS));
    InspectContainerResponse resized = inspect(site);
    assertThat(resized.getId()).isEqualTo(before);
    assertThat(resized.getHostConfig().getMemory()).isEqualTo(BUSINESS.memoryBytes());
    assertThat(resized.getHostConfig().getNanoCPUs()).isEqualTo(BUSINESS.nanoCpus());

    // A new container (the old one lost, as on a host that was rebuilt) keeps the installed site.
    host.removeContainer(site);
    host.ensureContainer(new ContainerSpec(site, customer, name, "wordpress", port, BUSINESS));
    InspectContainerResponse replaced = inspect(site);
    assertThat(replaced.getId()).isNotEqualTo(before);
    assertThat(replaced.getHostConfig().getMemory()).isEqualTo(BUSINESS.memoryBytes());
    assertThat(SiteHttp.getWhenUp(port, hostHeader, "/").body()).contains("Harbour notes");
    assertThat(SiteHttp.get(port, hostHeader, "/wp-login.php").status()).isEqualTo(200);
    host.installApp(site);
    assertThat(secrets.read(SecretNames.siteAdminPassword(site))).contains(adminPassword);
    assertThat(signIn(port, hostHeader, adminPassword).status()).isEqualTo(302);
  }

  @Test
  void givenPhpSite_itGetsDatabaseCredentialsOnlyOnceADatabaseIsLinked() throws Exception {
    long customer = rows.customer();
    String name = PlatformRows.uniqueName("php");
    int port = freePort();
    long site = rows.site(customer, name, "php", null, port);
    String hostHeader = addresses.authority(name);
    ContainerSpec spec = new ContainerSpec(site, customer, name, "php", port, STARTER);

    assertThat(records.planSite(site)).isEqualTo(SitePlan.NOTHING_MORE);
    host.ensureNetwork(customer);
    host.ensureContainer(spec);
    host.installApp(site);
    assertThat(inspect(site).getConfig().getEnv()).noneMatch(e -> e.startsWith("BERTH_DB_"));
    assertThat(SiteHttp.getWhenUp(port, hostHeader, "/").body()).contains("Database: none");

    CustomerDatabase linked =
        databases.save(CustomerDatabase.creating(customer, "shop", "shop", null, false));
    assertThat(databases.link(linked.id(), site)).isEqualTo(1);
    databaseActivities.ensureDatabase(linked.id());
    assertThat(records.planSite(site)).isEqualTo(new SitePlan(linked.id(), false, false));
    String before = inspect(site).getId();
    host.ensureContainer(spec);

    assertThat(inspect(site).getId()).as("re-created with the credentials").isNotEqualTo(before);
    SiteHttp.Response page = SiteHttp.getWhenUp(port, hostHeader, "/");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("Database: connected").contains("database shop on berth-db-");

    // A new password reaches the site with its next container.
    databaseActivities.resetPassword(linked.id(), "reset-1");
    host.ensureContainer(spec);
    assertThat(inspect(site).getConfig().getEnv())
        .contains("BERTH_DB_PASSWORD=" + secrets.read(linked.passwordSecret()).orElseThrow());
    assertThat(SiteHttp.getWhenUp(port, hostHeader, "/").body()).contains("Database: connected");
  }

  @Test
  void givenNodeSite_itServesItsDefaultApp_andIsRestartedWhenItCrashes() throws Exception {
    long customer = rows.customer();
    String name = PlatformRows.uniqueName("node");
    int port = freePort();
    long site = rows.site(customer, name, "node", null, port);
    String hostHeader = addresses.authority(name);

    assertThat(records.planSite(site)).isEqualTo(SitePlan.NOTHING_MORE);
    host.ensureNetwork(customer);
    host.ensureContainer(new ContainerSpec(site, customer, name, "node", port, STARTER));

    SiteHttp.Response page = SiteHttp.getWhenUp(port, hostHeader, "/");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("Your Node.js site is live");
    assertThat(inspect(site).getHostConfig().getRestartPolicy().getName())
        .isEqualTo("unless-stopped");
    assertThat(inspect(site).getConfig().getEnv()).noneMatch(e -> e.startsWith("BERTH_DB_"));

    // The app dies: Docker starts the container again.
    String exec =
        docker
            .execCreateCmd(DockerNames.container(site))
            .withCmd(
                "bash",
                "-c",
                "for p in /proc/[0-9]*; do [ \"$(cat $p/comm 2>/dev/null)\" = node ] &&"
                    + " kill -KILL ${p#/proc/}; done; true")
            .exec()
            .getId();
    docker.execStartCmd(exec).start().awaitCompletion();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (inspect(site).getRestartCount() < 1 && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    assertThat(inspect(site).getRestartCount()).isGreaterThanOrEqualTo(1);
    assertThat(SiteHttp.getWhenUp(port, hostHeader, "/").status()).isEqualTo(200);
  }

  @Test
  void givenWordPressSitePlannedTwiceOrAtOnce_itHasOneDatabase() throws Exception {
    long customer = rows.customer();
    long site = rows.site(customer, PlatformRows.uniqueName("wp"), "wordpress", "t", freePort());
    long other = rows.site(customer, PlatformRows.uniqueName("wp"), "wordpress", "t", freePort());

    SitePlan first = records.planSite(site);
    SitePlan again = records.planSite(site);
    var concurrent =
        List.of(
            CompletableFuture.supplyAsync(() -> records.planSite(other)),
            CompletableFuture.supplyAsync(() -> records.planSite(other)),
            CompletableFuture.supplyAsync(() -> records.planSite(other)));

    assertThat(again).isEqualTo(first);
    assertThat(concurrent.stream().map(CompletableFuture::join).distinct()).hasSize(1);
    assertThat(databases.findLiveByCustomerId(customer))
        .extracting(CustomerDatabase::siteId)
        .containsExactly(site, other);
  }

  @Test
  void givenTheCustomerHasADatabaseOfTheSitesName_theSitesOwnGetsTheNextName() {
    long customer = rows.customer();
    String name = PlatformRows.uniqueName("blog-");
    long site = rows.site(customer, name, "wordpress", null, freePort());
    String taken = "wp_" + name.replace('-', '_');
    databases.save(CustomerDatabase.creating(customer, taken, "someone", null, false));

    SitePlan plan = records.planSite(site);

    CustomerDatabase own = databases.findById(plan.databaseId()).orElseThrow();
    assertThat(own.name()).isEqualTo(taken + "_2");
    assertThat(own.username()).isEqualTo(taken + "_2");
    assertThat(own.ownedBySite()).isTrue();
  }

  @Test
  void givenStaticSite_itNeedsNothingMore_andInstallsNothing() {
    long customer = rows.customer();
    long site = rows.site(customer, PlatformRows.uniqueName("s"), "static", null, freePort());

    assertThat(records.planSite(site)).isEqualTo(SitePlan.NOTHING_MORE);
    host.installApp(site);
    assertThat(databases.findLiveByCustomerId(customer)).isEmpty();
  }

  @Test
  void givenSiteThatNeverWentLive_removingItsFilesForgetsItsSecrets() {
    long customer = rows.customer();
    long site = rows.site(customer, PlatformRows.uniqueName("wp"), "wordpress", null, freePort());
    secrets.getOrCreate(SecretNames.siteAdminPassword(site), () -> "admin-Password-123");
    secrets.getOrCreate(SecretNames.siteSalt(site), () -> "salt-".repeat(13));

    host.removeSiteFiles(site);

    assertThat(secrets.read(SecretNames.siteAdminPassword(site))).isEmpty();
    assertThat(secrets.read(SecretNames.siteSalt(site))).isEmpty();
  }

  /** As Temporal would: the install step is retried while the new database does not answer. */
  private void installWhenDatabaseAnswers(long site) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      try {
        host.installApp(site);
        return;
      } catch (IllegalStateException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(1000);
      }
    }
  }

  private SiteHttp.Response signIn(int port, String hostHeader, String password) throws Exception {
    String form =
        "log=admin&pwd="
            + URLEncoder.encode(password, StandardCharsets.UTF_8)
            + "&wp-submit=Log+In&testcookie=1&redirect_to="
            + URLEncoder.encode("http://" + hostHeader + "/wp-admin/", StandardCharsets.UTF_8);
    return SiteHttp.request(
        "POST",
        port,
        hostHeader,
        "/wp-login.php",
        Map.of(
            "Content-Type", "application/x-www-form-urlencoded",
            "Cookie", "wordpress_test_cookie=WP%20Cookie%20check"),
        form);
  }

  private InspectContainerResponse inspect(long site) {
    return docker.inspectContainerCmd(DockerNames.container(site)).exec();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
