package io.berth.activities.usage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Samples every running site container of this host once per call and writes one RAW row per site:
 * CPU and memory as the engine reads them, network as bytes per second since the previous sample of
 * the same container, disk as the volume's size measured every {@code diskInterval} and carried in
 * between. Containers are read in parallel; one that fails is logged and counted, and the others
 * are still written. Containers of sites the platform database does not know (another platform's on
 * a shared engine) are passed over.
 */
public final class UsageSampler implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(UsageSampler.class);

  private final ContainerStats stats;
  private final UsageStore store;
  private final Clock clock;
  private final Duration diskInterval;
  private final ExecutorService readers;
  private final Map<Long, Counters> lastCounters = new ConcurrentHashMap<>();
  private final Map<Long, DiskSize> lastDisk = new ConcurrentHashMap<>();

  /** What one round wrote and how many containers could not be sampled. */
  public record Round(int written, int failed) {}

  private record Counters(String containerId, Instant at, long rx, long tx) {}

  private record DiskSize(long bytes, Instant measuredAt) {}

  public UsageSampler(
      ContainerStats stats, UsageStore store, Clock clock, UsageProperties properties) {
    this.stats = stats;
    this.store = store;
    this.clock = clock;
    this.diskInterval = properties.diskInterval();
    AtomicInteger threads = new AtomicInteger();
    this.readers =
        Executors.newFixedThreadPool(
            Math.max(1, properties.parallelism()),
            task -> {
              Thread thread = new Thread(task, "usage-reader-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Samples every running site container once. */
  public Round sampleAll() {
    Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    List<SiteContainer> running = stats.runningSiteContainers();
    Set<Long> known = store.knownSites(running.stream().map(SiteContainer::siteId).toList());
    List<SiteContainer> sites = running.stream().filter(c -> known.contains(c.siteId())).toList();
    forgetGone(sites);

    List<Future<Boolean>> results = new ArrayList<>();
    for (SiteContainer container : sites) {
      results.add(readers.submit(() -> sampleOne(container, at)));
    }
    int written = 0;
    int failed = 0;
    for (int i = 0; i < results.size(); i++) {
      try {
        if (results.get(i).get()) {
          written++;
        }
      } catch (ExecutionException e) {
        failed++;
        log.warn("Could not sample site {}: {}", sites.get(i).siteId(), e.getCause().getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new Round(written, failed + results.size() - i);
      }
    }
    return new Round(written, failed);
  }

  private boolean sampleOne(SiteContainer container, Instant at) {
    ContainerReading reading = stats.read(container);
    Counters now = new Counters(container.containerId(), at, reading.rxBytes(), reading.txBytes());
    Counters before = lastCounters.put(container.siteId(), now);
    long rxBps = 0;
    long txBps = 0;
    if (before != null && before.containerId().equals(now.containerId())) {
      long elapsed = Duration.between(before.at(), at).toMillis();
      rxBps = StatsArithmetic.bytesPerSecond(before.rx(), now.rx(), elapsed);
      txBps = StatsArithmetic.bytesPerSecond(before.tx(), now.tx(), elapsed);
    }
    UsageSample sample =
        new UsageSample(
            container.siteId(),
            at,
            reading.cpuMillis(),
            reading.memoryBytes(),
            rxBps,
            txBps,
            diskBytes(container.siteId(), at));
    return store.insertRaw(sample);
  }

  private long diskBytes(long siteId, Instant at) {
    DiskSize last = lastDisk.get(siteId);
    if (last != null && last.measuredAt().plus(diskInterval).isAfter(at)) {
      return last.bytes();
    }
    try {
      long bytes = stats.volumeBytes(siteId);
      lastDisk.put(siteId, new DiskSize(bytes, at));
      return bytes;
    } catch (RuntimeException e) {
      log.warn("Could not measure the volume of site {}: {}", siteId, e.getMessage());
      long carried = last == null ? 0 : last.bytes();
      // Measured again after the disk interval, not on every sample.
      lastDisk.put(siteId, new DiskSize(carried, at));
      return carried;
    }
  }

  private void forgetGone(List<SiteContainer> sites) {
    Set<Long> present = ConcurrentHashMap.newKeySet();
    sites.forEach(c -> present.add(c.siteId()));
    lastCounters.keySet().retainAll(present);
    lastDisk.keySet().retainAll(present);
  }

  @Override
  public void close() {
    readers.shutdownNow();
  }
}
