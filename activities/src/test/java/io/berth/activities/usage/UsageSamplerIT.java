package io.berth.activities.usage;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import io.berth.activities.docker.DockerConfig;
import io.berth.activities.docker.DockerNames;
import io.berth.activities.docker.DockerObjects;
import io.berth.activities.docker.DockerProperties;
import io.berth.activities.testing.DockerLeftovers;
import io.berth.activities.testing.PlatformDatabase;
import io.berth.activities.testing.PlatformRows;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The sampler on the real engine and a fresh platform database: a site container limited to half a
 * core and 64 MiB that burns CPU and holds 40 MiB, read as {@code docker stats} reads it.
 */
class UsageSamplerIT {

  private static final long MIB = 1024 * 1024;
  private static final long BLOB = 5_000_000;
  private static final long MORE = 3_000_000;

  private final DockerClient docker = DockerConfig.createClient(DockerProperties.defaults());
  private final DockerObjects objects = new DockerObjects(docker, "test engine");
  private final MovableClock clock = new MovableClock(Instant.parse("2026-11-27T06:00:00Z"));
  private JdbcClient jdbc;
  private PlatformRows rows;
  private UsageSampler sampler;

  @BeforeEach
  void freshDatabase() throws Exception {
    PGSimpleDataSource db = new PGSimpleDataSource();
    db.setUrl(PlatformDatabase.create("berth_usage_sampler_it"));
    db.setUser("berth");
    db.setPassword("berth");
    jdbc = JdbcClient.create(db);
    rows = new PlatformRows(jdbc);
    sampler =
        new UsageSampler(
            new DockerContainerStats(docker, "test engine", "debian:bookworm-slim"),
            new UsageStore(jdbc),
            clock,
            UsageProperties.defaults());
  }

  @AfterEach
  void cleanUp() throws Exception {
    sampler.close();
    for (long site : rows.sites) {
      objects.removeContainer("berth-usage-du-" + site);
    }
    DockerLeftovers.remove(docker, rows);
    docker.close();
  }

  @Test
  void givenABusySiteContainer_whenSampling_itWritesCpuMemoryAndDiskWithinItsLimits()
      throws Exception {
    long site = busySite();

    UsageSampler.Round round = sampler.sampleAll();

    assertThat(round).isEqualTo(new UsageSampler.Round(1, 0));
    UsageSample sample = rawSamples(site).get(0);
    assertThat(sample.at()).isEqualTo(clock.instant());
    assertThat(sample.cpuMillis())
        .as("thousandths of a core")
        .isPositive()
        .isLessThanOrEqualTo(550);
    assertThat(sample.memoryBytes()).isGreaterThan(30 * MIB).isLessThanOrEqualTo(64 * MIB);
    assertThat(sample.diskBytes()).isGreaterThanOrEqualTo(BLOB);
    assertThat(sample.netRxBps()).as("no earlier sample to compare with").isZero();
    assertThat(sample.netTxBps()).isZero();
  }

  @Test
  void givenTheVolumeGrows_itCarriesTheLastSizeUntilTheDiskIntervalHasPassed() throws Exception {
    long site = busySite();
    sampler.sampleAll();
    long first = rawSamples(site).get(0).diskBytes();
    objects.exec(
        DockerNames.container(site),
        null,
        List.of(),
        null,
        Duration.ofSeconds(30),
        "bash",
        "-c",
        "head -c " + MORE + " /dev/urandom > /data/more");

    clock.move(Duration.ofMinutes(1));
    sampler.sampleAll();
    clock.move(Duration.ofMinutes(5));
    sampler.sampleAll();

    List<UsageSample> samples = rawSamples(site);
    assertThat(samples).hasSize(3);
    assertThat(samples.get(1).diskBytes()).as("within the disk interval").isEqualTo(first);
    assertThat(samples.get(2).diskBytes())
        .as("measured again")
        .isGreaterThanOrEqualTo(first + MORE);
    assertThat(samples.get(2).netRxBps()).isNotNegative();
  }

  /**
   * A site row and its container, started and busy: 5 MB written to its volume, 40 MiB held in
   * /dev/shm (charged to the container's memory), and a shell loop burning CPU.
   */
  private long busySite() throws Exception {
    long site = rows.site(rows.customer(), PlatformRows.uniqueName("u"), "static", "Busy", 21000);
    String name = DockerNames.container(site);
    String script =
        "head -c "
            + BLOB
            + " /dev/urandom > /data/blob && head -c "
            + 40 * MIB
            + " /dev/zero > /dev/shm/hold && { while :; do :; done & } && echo ready && wait";
    docker
        .createContainerCmd("debian:bookworm-slim")
        .withName(name)
        .withLabels(Map.of(DockerNames.LABEL_SITE, Long.toString(site)))
        .withCmd("bash", "-c", script)
        .withHostConfig(
            HostConfig.newHostConfig()
                .withNanoCPUs(500_000_000L)
                .withMemory(64 * MIB)
                .withMemorySwap(64 * MIB)
                .withBinds(new Bind(DockerNames.volume(site), new Volume("/data"))))
        .exec();
    docker.startContainerCmd(name).exec();
    awaitLine(name, "ready");
    return site;
  }

  private void awaitLine(String container, String line) throws Exception {
    CountDownLatch seen = new CountDownLatch(1);
    StringBuilder output = new StringBuilder();
    try (ResultCallback.Adapter<Frame> logs =
        docker
            .logContainerCmd(container)
            .withStdOut(true)
            .withStdErr(true)
            .withFollowStream(true)
            .exec(
                new ResultCallback.Adapter<>() {
                  @Override
                  public void onNext(Frame frame) {
                    output.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
                    if (output.toString().contains(line)) {
                      seen.countDown();
                    }
                  }
                })) {
      assertThat(seen.await(60, TimeUnit.SECONDS))
          .as("container %s said %s; it said: %s", container, line, output)
          .isTrue();
    }
  }

  private List<UsageSample> rawSamples(long site) {
    return jdbc.sql(
            "SELECT * FROM usage_sample WHERE site_id = :site AND resolution = 'RAW' ORDER BY at")
        .param("site", site)
        .query(
            (rs, n) ->
                new UsageSample(
                    rs.getLong("site_id"),
                    rs.getObject("at", OffsetDateTime.class).toInstant(),
                    rs.getInt("cpu_millis"),
                    rs.getLong("memory_bytes"),
                    rs.getLong("net_rx_bps"),
                    rs.getLong("net_tx_bps"),
                    rs.getLong("disk_bytes")))
        .list();
  }

  /** A clock the test moves forward, so the disk interval passes without waiting. */
  private static final class MovableClock extends Clock {

    private volatile Instant now;

    MovableClock(Instant start) {
      this.now = start;
    }

    void move(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
