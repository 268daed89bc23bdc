package io.berth.worker;

import io.berth.activities.usage.UsageSampler;
import io.berth.activities.usage.UsageStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Samples this host's site containers every {@code berth.usage.interval} into RAW usage rows, and
 * every {@code berth.usage.rollup-interval} averages completed minutes and hours and prunes old
 * rows. Counts the rows written as {@code berth_usage_samples_total} and the containers that could
 * not be sampled as {@code berth_usage_failures_total}. Off with {@code berth.usage.enabled=false}.
 */
@Component
@ConditionalOnProperty(name = "berth.usage.enabled", matchIfMissing = true)
class UsageSamplingJob {

  private static final Logger log = LoggerFactory.getLogger(UsageSamplingJob.class);

  private final UsageSampler sampler;
  private final UsageStore store;
  private final Clock clock;
  private final Counter samples;
  private final Counter failures;

  UsageSamplingJob(UsageSampler sampler, UsageStore store, MeterRegistry meters) {
    this.sampler = sampler;
    this.store = store;
    this.clock = Clock.systemUTC();
    this.samples =
        Counter.builder("berth.usage.samples")
            .description("Usage samples written, one per site container and interval")
            .register(meters);
    this.failures =
        Counter.builder("berth.usage.failures")
            .description("Site containers that could not be sampled")
            .register(meters);
  }

  @Scheduled(
      fixedRateString = "${berth.usage.interval:10s}",
      initialDelayString = "${berth.usage.interval:10s}")
  void sample() {
    try {
      UsageSampler.Round round = sampler.sampleAll();
      samples.increment(round.written());
      failures.increment(round.failed());
    } catch (RuntimeException e) {
      failures.increment();
      log.warn("Usage sampling failed: {}", e.getMessage());
    }
  }

  @Scheduled(
      fixedRateString = "${berth.usage.rollup-interval:1m}",
      initialDelayString = "${berth.usage.rollup-interval:1m}")
  void rollUp() {
    try {
      store.rollUp(clock.instant());
      store.prune(clock.instant());
    } catch (RuntimeException e) {
      log.warn("Usage rollup failed: {}", e.getMessage());
    }
  }
}
