package io.berth.activities.billing;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where billing e-mails go out ({@code berth.billing.mail.*}): plain SMTP to the local Postfix by
 * default, which delivers to Berth-hosted domains; point it at the hosting company's relay to reach
 * every customer.
 *
 * @param smtpHost the SMTP server (default 127.0.0.1)
 * @param smtpPort its port (default 2525, Postfix's MX port here)
 * @param from the sender address (default {@code billing@berth.localhost})
 * @param timeout how long connecting and each SMTP reply may take before the send is retried
 */
@ConfigurationProperties("berth.billing.mail")
public record BillingMailProperties(
    @DefaultValue("127.0.0.1") String smtpHost,
    @DefaultValue("2525") int smtpPort,
    @DefaultValue("billing@berth.localhost") String from,
    @DefaultValue("20s") Duration timeout) {

  public BillingMailProperties {
    if (smtpPort < 1 || smtpPort > 65535) {
      throw new IllegalArgumentException("berth.billing.mail.smtp-port must be 1 to 65535");
    }
    try {
      new InternetAddress(from, true);
    } catch (AddressException e) {
      throw new IllegalArgumentException(
          "berth.billing.mail.from must be an e-mail address, not " + from, e);
    }
    if (!from.contains("@")) {
      throw new IllegalArgumentException(
          "berth.billing.mail.from must be an e-mail address with a domain, not " + from);
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("berth.billing.mail.timeout must be positive");
    }
  }

  /** The domain of {@link #from}: the name the mailer greets with and signs message ids with. */
  public String fromDomain() {
    return from.substring(from.lastIndexOf('@') + 1);
  }
}
