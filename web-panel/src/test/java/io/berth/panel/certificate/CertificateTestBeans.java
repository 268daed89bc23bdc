package io.berth.panel.certificate;

import io.berth.panel.testing.InMemoryCertificates;
import io.berth.panel.testing.InMemoryDomains;
import io.berth.panel.testing.InMemorySites;
import java.time.Duration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** HTTPS over in-memory sites, domains and certificates, with a fake certificate workflow. */
@TestConfiguration
public class CertificateTestBeans {

  @Bean
  public InMemoryCertificates certificates() {
    return new InMemoryCertificates();
  }

  @Bean
  public FakeCertificateWorkflows fakeCertificateWorkflows() {
    return new FakeCertificateWorkflows();
  }

  @Bean
  public CertificateService certificateService(
      InMemorySites sites,
      InMemoryDomains domains,
      InMemoryCertificates certificates,
      FakeCertificateWorkflows workflows) {
    return service(sites, domains, certificates, workflows);
  }

  /** Polls only when a test asks ({@link CertificateFeed#refresh}). */
  @Bean
  public CertificateFeed certificateFeed(CertificateService certificates) {
    return new CertificateFeed(certificates, Duration.ofDays(1));
  }

  /** The service as the panel wires it, with HTTPS on port 8443 as in dev. */
  public static CertificateService service(
      InMemorySites sites,
      InMemoryDomains domains,
      InMemoryCertificates certificates,
      FakeCertificateWorkflows workflows) {
    return new CertificateService(
        sites, domains, certificates, workflows, new ProxyProperties(8443));
  }
}
