package io.berth.activities.mail;

import io.berth.activities.dns.DnsZones;
import io.berth.persistence.domain.DnsRecordSetRepository;
import io.berth.persistence.domain.DomainRepository;
import io.berth.persistence.mail.MailDomainRepository;
import io.berth.persistence.mail.MailboxRepository;
import io.berth.persistence.secret.SecretStore;
import java.nio.file.Path;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Email hosting, configured by {@code berth.mail.*} ({@link MailProperties}): the mail servers on
 * this machine ({@link LocalMailServer} under the mail home) and the activities by the bean names
 * the worker registers: {@code mailDomainActivities} and {@code mailboxRecordActivities} on {@code
 * berth-control}, {@code mailServerActivities} on {@code berth-mail}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailProperties.class)
public class MailConfig {

  @Bean
  MailServer mailServer(MailProperties mail, Environment environment) {
    return new LocalMailServer(home(mail, environment), mail.reloadTimeout());
  }

  @Bean
  MailDomainActivitiesImpl mailDomainActivities(
      MailDomainRepository mailDomains,
      MailboxRepository mailboxes,
      DomainRepository domains,
      DnsRecordSetRepository recordSets,
      SecretStore secrets,
      DnsZones zones,
      JdbcClient jdbc,
      MailProperties mail) {
    return new MailDomainActivitiesImpl(
        mailDomains, mailboxes, domains, recordSets, secrets, zones, jdbc, mail);
  }

  @Bean
  MailboxRecordActivitiesImpl mailboxRecordActivities(MailboxRepository mailboxes) {
    return new MailboxRecordActivitiesImpl(mailboxes);
  }

  @Bean
  MailServerActivitiesImpl mailServerActivities(
      MailDomainRepository mailDomains,
      MailboxRepository mailboxes,
      SecretStore secrets,
      MailServer mailServer) {
    return new MailServerActivitiesImpl(mailDomains, mailboxes, secrets, mailServer);
  }

  /** {@code berth.mail.home}, else {@code ${BERTH_HOME:.berth}/mail}. */
  static Path home(MailProperties mail, Environment environment) {
    return mail.home() != null && !mail.home().toString().isBlank()
        ? mail.home()
        : Path.of(environment.resolveRequiredPlaceholders(MailProperties.DEFAULT_HOME));
  }
}
