package io.berth.activities.certificate;

import io.berth.persistence.secret.SecretStore;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The ACME CA: {@link AcmeCertificateAuthority} configured by {@code berth.acme.*}; and the
 * certificate subjects' settings, {@code berth.certificates.*}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({
  AcmeConfig.AcmeProperties.class,
  AcmeConfig.CertificateProperties.class
})
public class AcmeConfig {

  /**
   * {@code berth.acme.*}.
   *
   * @param directoryUrl the CA's ACME directory (default Pebble's, {@code
   *     https://127.0.0.1:14000/dir}; Let's Encrypt: {@code
   *     https://acme-staging-v02.api.letsencrypt.org/directory}, then {@code
   *     https://acme-v02.api.letsencrypt.org/directory})
   * @param trustedCa a PEM file of one more CA to trust for the directory's own TLS, besides the
   *     JVM's (in development Pebble's listener CA, {@code $BERTH_HOME/pebble/ca.pem}); unset for a
   *     public CA
   * @param contactEmail the account's contact address, where the CA sends expiry warnings
   *     (optional)
   * @param validationTimeout how long one validation waits for the CA before the activity gives up
   *     and is retried
   * @param issueTimeout how long finalizing waits for the CA to sign
   * @param maxPoll the longest pause between two polls, whatever Retry-After the CA sends
   */
  @ConfigurationProperties("berth.acme")
  public record AcmeProperties(
      @DefaultValue("https://127.0.0.1:14000/dir") URI directoryUrl,
      Path trustedCa,
      String contactEmail,
      @DefaultValue("150s") Duration validationTimeout,
      @DefaultValue("45s") Duration issueTimeout,
      @DefaultValue("3s") Duration maxPoll) {}

  /**
   * {@code berth.certificates.*}.
   *
   * @param platform the wildcard certificate of the platform's site hostnames
   * @param dnsTtl TTL of the DNS-01 TXT records
   * @param dnsWait how long publishing a DNS-01 record waits for the resolver to answer with it
   */
  @ConfigurationProperties("berth.certificates")
  public record CertificateProperties(
      @DefaultValue Platform platform,
      @DefaultValue("60") long dnsTtl,
      @DefaultValue("10s") Duration dnsWait) {

    /**
     * @param enabled whether the worker starts {@code cert-platform} (default true)
     * @param hostId the host whose nginx serves the wildcard; unset: the first host online
     */
    public record Platform(@DefaultValue("true") boolean enabled, String hostId) {}
  }

  @Bean
  CertificateAuthority certificateAuthority(AcmeProperties p, SecretStore secrets) {
    return new AcmeCertificateAuthority(
        new AcmeCertificateAuthority.Settings(
            p.directoryUrl(),
            p.trustedCa() == null || p.trustedCa().toString().isBlank() ? null : p.trustedCa(),
            p.contactEmail(),
            p.validationTimeout(),
            p.issueTimeout(),
            p.maxPoll()),
        secrets);
  }
}
