package io.berth.activities.mail;

import io.berth.activities.dns.RecordValidator;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Email hosting ({@code berth.mail.*}).
 *
 * @param home the mail servers' state: DKIM keys and tables, Maildirs, reload scripts (default
 *     {@code ${BERTH_HOME:.berth}/mail}, as services.sh lays it out)
 * @param hostname the mail host every MX record points to (default {@code mail.berth.localhost})
 * @param dnsTtl TTL of the mail records Berth publishes (default 3600)
 * @param spfPolicy the SPF record on each mail domain's apex (default {@code v=spf1 mx -all})
 * @param dmarcPolicy the DMARC record at {@code _dmarc} (default {@code v=DMARC1; p=none}: reports
 *     only; customers tighten it to {@code p=quarantine} or {@code p=reject} once their mail
 *     passes)
 * @param reloadTimeout how long a reload script ({@code bin/dkim-reload}, {@code
 *     bin/postfix-reload}) may run before the activity gives up and is retried
 */
@ConfigurationProperties("berth.mail")
public record MailProperties(
    Path home,
    @DefaultValue("mail.berth.localhost") String hostname,
    @DefaultValue("3600") long dnsTtl,
    @DefaultValue("v=spf1 mx -all") String spfPolicy,
    @DefaultValue("v=DMARC1; p=none") String dmarcPolicy,
    @DefaultValue("30s") Duration reloadTimeout) {

  /** Where the mail state is when neither property nor BERTH_HOME says else. */
  static final String DEFAULT_HOME = "${BERTH_HOME:.berth}/mail";

  public MailProperties {
    RecordValidator.hostname(hostname);
    if (dnsTtl < RecordValidator.MIN_TTL || dnsTtl > RecordValidator.MAX_TTL) {
      throw new IllegalArgumentException(
          "berth.mail.dns-ttl must be "
              + RecordValidator.MIN_TTL
              + " to "
              + RecordValidator.MAX_TTL
              + " seconds, not "
              + dnsTtl);
    }
    requirePolicy("berth.mail.spf-policy", spfPolicy, MailDnsRecords.SPF_PREFIX);
    requirePolicy("berth.mail.dmarc-policy", dmarcPolicy, "v=DMARC1");
    if (reloadTimeout.isNegative() || reloadTimeout.isZero()) {
      throw new IllegalArgumentException("berth.mail.reload-timeout must be positive");
    }
  }

  private static void requirePolicy(String property, String value, String prefix) {
    TxtChunks.requirePrintableAscii(value);
    if (!value.startsWith(prefix)) {
      throw new IllegalArgumentException(property + " must start with " + prefix + ": " + value);
    }
  }
}
