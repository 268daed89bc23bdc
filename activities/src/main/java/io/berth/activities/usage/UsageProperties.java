package io.berth.activities.usage;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the worker samples its sites' resource use ({@code berth.usage.*}; environment variables bind
 * by relaxed binding, e.g. {@code BERTH_USAGE_INTERVAL}).
 *
 * @param enabled whether the worker samples at all
 * @param interval how often every running site container is sampled (one RAW row each)
 * @param diskInterval how often a site's volume is measured; samples in between carry the last size
 * @param rollupInterval how often completed minutes and hours are averaged and old rows pruned
 * @param diskProbeImage the image of the throw-away container that measures a volume ({@code du})
 * @param parallelism how many containers are read at once (each read waits about a second for the
 *     engine's two CPU readings)
 */
@ConfigurationProperties("berth.usage")
public record UsageProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("10s") Duration interval,
    @DefaultValue("5m") Duration diskInterval,
    @DefaultValue("1m") Duration rollupInterval,
    @DefaultValue("debian:bookworm-slim") String diskProbeImage,
    @DefaultValue("8") int parallelism) {

  /** The defaults, for code that builds the sampler without Spring. */
  public static UsageProperties defaults() {
    return new UsageProperties(
        true,
        Duration.ofSeconds(10),
        Duration.ofMinutes(5),
        Duration.ofMinutes(1),
        "debian:bookworm-slim",
        8);
  }
}
