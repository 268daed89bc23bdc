package io.berth.panel.domain;

import io.berth.panel.site.SiteUrls;
import io.berth.panel.testing.InMemoryDnsRecordSets;
import io.berth.panel.testing.InMemoryDomains;
import io.berth.panel.testing.InMemoryHosts;
import io.berth.panel.testing.InMemoryMailDomains;
import io.berth.panel.testing.InMemorySites;
import java.time.Duration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** The domain feature over in-memory repositories, with a fake domain workflow. */
@TestConfiguration
public class DomainTestBeans {

  @Bean
  public FakeDomainWorkflows fakeDomainWorkflows(
      InMemoryDomains domains, InMemoryDnsRecordSets recordSets, InMemorySites sites) {
    return new FakeDomainWorkflows(domains, recordSets, sites);
  }

  @Bean
  DnsInstructions dnsInstructions(InMemorySites sites, InMemoryHosts hosts) {
    return new DnsInstructions(new DnsProperties("ns1.berth.test"), sites, hosts);
  }

  @Bean
  DomainLookup domainLookup(InMemoryDomains domains) {
    return new DomainLookup(domains);
  }

  @Bean
  DnsRecordService dnsRecordService(
      DomainLookup lookup, InMemoryDnsRecordSets recordSets, FakeDomainWorkflows workflows) {
    return new DnsRecordService(lookup, recordSets, workflows);
  }

  @Bean
  DomainService domainService(
      InMemoryDomains domains,
      DomainLookup lookup,
      DnsRecordService records,
      InMemorySites sites,
      FakeDomainWorkflows workflows,
      DnsInstructions instructions,
      SiteUrls urls,
      InMemoryMailDomains mailDomains) {
    return new DomainService(
        domains, lookup, records, sites, workflows, instructions, urls, mailDomains);
  }

  /** Polls only when a test asks ({@link DomainProgressFeed#refresh}). */
  @Bean
  DomainProgressFeed domainProgressFeed(DomainService domains) {
    return new DomainProgressFeed(domains, Duration.ofDays(1));
  }
}
