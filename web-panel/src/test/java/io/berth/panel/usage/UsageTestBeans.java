package io.berth.panel.usage;

import io.berth.panel.testing.InMemorySites;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The usage feature over in-memory samples. The feed waits an hour between reads, so a test decides
 * when the page is refreshed ({@link UsageFeed#refresh(long)}); the banner reads afresh at every
 * navigation.
 */
@TestConfiguration
public class UsageTestBeans {

  @Bean
  public InMemoryUsageSamples usageSamples(InMemorySites sites) {
    return new InMemoryUsageSamples(sites);
  }

  @Bean
  public UsageService usageService(InMemorySites sites, InMemoryUsageSamples samples, Clock clock) {
    return new UsageService(sites, samples, clock);
  }

  @Bean
  public UsageFeed usageFeed(UsageService usage) {
    return new UsageFeed(usage, Duration.ofHours(1));
  }

  @Bean
  UsageBanner usageBanner(UsageService usage, Clock clock) {
    return new UsageBanner(usage, clock, Duration.ZERO);
  }
}
