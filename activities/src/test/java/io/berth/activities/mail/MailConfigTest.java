package io.berth.activities.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.activities.dns.DnsZones;
import io.berth.persistence.domain.DnsRecordSetRepository;
import io.berth.persistence.domain.DomainRepository;
import io.berth.persistence.mail.MailDomainRepository;
import io.berth.persistence.mail.MailboxRepository;
import io.berth.persistence.secret.SecretStore;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.simple.JdbcClient;

class MailConfigTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withUserConfiguration(MailConfig.class)
          .withBean(MailDomainRepository.class, () -> Mockito.mock(MailDomainRepository.class))
          .withBean(MailboxRepository.class, () -> Mockito.mock(MailboxRepository.class))
          .withBean(DomainRepository.class, () -> Mockito.mock(DomainRepository.class))
          .withBean(DnsRecordSetRepository.class, () -> Mockito.mock(DnsRecordSetRepository.class))
          .withBean(SecretStore.class, () -> Mockito.mock(SecretStore.class))
          .withBean(DnsZones.class, () -> Mockito.mock(DnsZones.class))
          .withBean(JdbcClient.class, () -> Mockito.mock(JdbcClient.class));

  @Test
  void byDefault_mailLivesUnderBerthHome_andPointsAtTheLocalMailHost() {
    runner
        .withPropertyValues("BERTH_HOME=/srv/berth")
        .run(
            context -> {
              MailProperties mail = context.getBean(MailProperties.class);
              assertThat(mail.hostname()).isEqualTo("mail.berth.localhost");
              assertThat(mail.dnsTtl()).isEqualTo(3600);
              assertThat(mail.spfPolicy()).isEqualTo("v=spf1 mx -all");
              assertThat(mail.dmarcPolicy()).isEqualTo("v=DMARC1; p=none");
              assertThat(mail.reloadTimeout()).isEqualTo(Duration.ofSeconds(30));
              assertThat(((LocalMailServer) context.getBean(MailServer.class)).home())
                  .isEqualTo(Path.of("/srv/berth/mail"));
              assertThat(context)
                  .hasBean("mailDomainActivities")
                  .hasBean("mailboxRecordActivities")
                  .hasBean("mailServerActivities");
            });
  }

  @Test
  void everySettingIsAProperty() {
    runner
        .withPropertyValues(
            "berth.mail.home=/var/lib/berth-mail",
            "berth.mail.hostname=mx.hosting.example",
            "berth.mail.dns-ttl=600",
            "berth.mail.spf-policy=v=spf1 mx include:relay.example ~all",
            "berth.mail.dmarc-policy=v=DMARC1; p=quarantine")
        .run(
            context -> {
              MailProperties mail = context.getBean(MailProperties.class);
              assertThat(mail.hostname()).isEqualTo("mx.hosting.example");
              assertThat(mail.dnsTtl()).isEqualTo(600);
              assertThat(mail.spfPolicy()).isEqualTo("v=spf1 mx include:relay.example ~all");
              assertThat(mail.dmarcPolicy()).isEqualTo("v=DMARC1; p=quarantine");
              assertThat(((LocalMailServer) context.getBean(MailServer.class)).home())
                  .isEqualTo(Path.of("/var/lib/berth-mail"));
            });
  }

  @Test
  void aBadSetting_stopsTheWorkerAtStart() {
    runner
        .withPropertyValues("berth.mail.hostname=Mail Host")
        .run(context -> assertThat(context).hasFailed());
    runner
        .withPropertyValues("berth.mail.spf-policy=include:x")
        .run(context -> assertThat(context.getStartupFailure()).hasStackTraceContaining("v=spf1"));
    runner
        .withPropertyValues("berth.mail.dns-ttl=5")
        .run(context -> assertThat(context).hasFailed());
    runner
        .withPropertyValues("berth.mail.home=/srv/my mail")
        .run(context -> assertThat(context.getStartupFailure()).hasStackTraceContaining("spaces"));
  }
}
