package io.berth.activities.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.persistence.secret.SecretStore;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class AcmeConfigTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withUserConfiguration(AcmeConfig.class)
          .withBean(SecretStore.class, () -> Mockito.mock(SecretStore.class));

  @Test
  void byDefault_itTalksToTheLocalPebble_andStartsThePlatformCertificate() {
    runner.run(
        context -> {
          AcmeConfig.AcmeProperties acme = context.getBean(AcmeConfig.AcmeProperties.class);
          assertThat(acme.directoryUrl()).isEqualTo(URI.create("https://127.0.0.1:14000/dir"));
          assertThat(acme.trustedCa()).isNull();
          assertThat(acme.validationTimeout()).isEqualTo(Duration.ofSeconds(150));
          AcmeConfig.CertificateProperties certificates =
              context.getBean(AcmeConfig.CertificateProperties.class);
          assertThat(certificates.platform().enabled()).isTrue();
          assertThat(certificates.platform().hostId()).isNull();
          assertThat(context).hasSingleBean(CertificateAuthority.class);
        });
  }

  @Test
  void letsEncrypt_isOneProperty_andEachDirectoryHasItsOwnAccountKey() {
    runner
        .withPropertyValues(
            "berth.acme.directory-url=https://acme-staging-v02.api.letsencrypt.org/directory",
            "berth.acme.contact-email=ops@example.com",
            "berth.certificates.platform.enabled=false")
        .run(
            context -> {
              AcmeCertificateAuthority ca =
                  (AcmeCertificateAuthority) context.getBean(CertificateAuthority.class);
              assertThat(ca.accountKeySecret()).matches("acme-account:[0-9a-f]{12}:key");
              assertThat(ca.accountKeySecret())
                  .isNotEqualTo(
                      "acme-account:"
                          + AcmeCertificateAuthority.caId(URI.create("https://127.0.0.1:14000/dir"))
                          + ":key");
              assertThat(
                      context.getBean(AcmeConfig.CertificateProperties.class).platform().enabled())
                  .isFalse();
            });
  }
}
