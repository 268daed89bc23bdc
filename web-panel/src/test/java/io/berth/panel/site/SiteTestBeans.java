package io.berth.panel.site;

import io.berth.panel.testing.InMemorySecrets;
import io.berth.panel.testing.InMemorySites;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** The site feature over in-memory sites, with a fake site workflow. */
@TestConfiguration
public class SiteTestBeans {

  @Bean
  public FakeSiteWorkflows fakeSiteWorkflows(InMemorySites sites) {
    return new FakeSiteWorkflows(sites);
  }

  @Bean
  public SiteUrls siteUrls() {
    return SiteUrls.of("berth.localhost", 8880);
  }

  @Bean
  SiteService siteService(
      InMemorySites sites, FakeSiteWorkflows workflows, SiteUrls urls, InMemorySecrets secrets) {
    return new SiteService(sites, workflows, urls, secrets);
  }
}
