package io.berth.panel.mail;

import io.berth.panel.plan.Allowances;
import io.berth.panel.testing.InMemoryDomains;
import io.berth.panel.testing.InMemoryMailAliases;
import io.berth.panel.testing.InMemoryMailDomains;
import io.berth.panel.testing.InMemoryMailboxes;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** The email feature over in-memory repositories, with fake mail workflows. */
@TestConfiguration
public class MailTestBeans {

  /** The defaults of {@code application.yml}. */
  static final MailProperties PROPERTIES =
      new MailProperties("127.0.0.1", 1143, 2587, Duration.ofDays(30));

  @Bean
  public FakeMailWorkflows fakeMailWorkflows() {
    return new FakeMailWorkflows();
  }

  @Bean
  MailLookup mailLookup(
      InMemoryMailDomains mailDomains, InMemoryMailboxes mailboxes, InMemoryMailAliases aliases) {
    return new MailLookup(mailDomains, mailboxes, aliases);
  }

  @Bean
  AddressOwners addressOwners(InMemoryMailboxes mailboxes, InMemoryMailAliases aliases) {
    return new AddressOwners(mailboxes, aliases);
  }

  @Bean
  MailDomainService mailDomainService(
      InMemoryMailDomains mailDomains,
      InMemoryDomains domains,
      InMemoryMailboxes mailboxes,
      InMemoryMailAliases aliases,
      MailLookup lookup,
      FakeMailWorkflows workflows,
      Allowances allowances) {
    return new MailDomainService(
        mailDomains, domains, mailboxes, aliases, lookup, workflows, allowances);
  }

  @Bean
  MailboxService mailboxService(
      InMemoryMailboxes mailboxes,
      MailLookup lookup,
      AddressOwners owners,
      FakeMailWorkflows workflows,
      Allowances allowances,
      Clock clock) {
    MailboxBook book =
        new MailboxBook(
            mailboxes, mailboxes::changeDisplayName, owners, allowances, customerId -> {});
    return new MailboxService(mailboxes, lookup, book, workflows, PROPERTIES, clock);
  }

  @Bean
  AliasService aliasService(
      InMemoryMailAliases aliases,
      InMemoryMailboxes mailboxes,
      InMemoryMailDomains mailDomains,
      MailLookup lookup,
      AddressOwners owners) {
    AliasBook book = new AliasBook(aliases, mailboxes, mailDomains, owners, customerId -> {});
    return new AliasService(aliases, lookup, book);
  }

  /** Polls only when a test asks ({@link MailDomainFeed#refresh}). */
  @Bean
  MailDomainFeed mailDomainFeed(MailDomainService mailDomains) {
    return new MailDomainFeed(mailDomains, Duration.ofDays(1));
  }
}
