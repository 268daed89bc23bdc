package io.berth.panel.logs;

import io.berth.panel.testing.InMemorySites;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** The logs feature over in-memory sites, with a fake host agent. */
@TestConfiguration
public class LogsTestBeans {

  @Bean
  public FakeLogAgent fakeLogAgent() {
    return new FakeLogAgent();
  }

  @Bean
  LogService logService(InMemorySites sites, FakeLogAgent agent) {
    return new LogService(sites, agent);
  }

  @Bean
  LogScheduler logScheduler() {
    return new LogScheduler();
  }
}
