package io.berth.panel.testing;

import com.vaadin.flow.spring.security.AuthenticationContext;
import io.berth.panel.account.AccountService;
import io.berth.panel.plan.Allowances;
import io.berth.panel.plan.PlanCatalog;
import io.berth.panel.security.CurrentUser;
import java.time.Clock;
import java.util.concurrent.Executor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** In-memory repositories and the beans every view needs. */
@TestConfiguration
public class CommonTestBeans {

  @Bean
  public InMemoryCustomers customers() {
    return new InMemoryCustomers();
  }

  @Bean
  public InMemoryPlans plans() {
    return new InMemoryPlans();
  }

  @Bean
  public InMemoryOrders orders() {
    return new InMemoryOrders();
  }

  @Bean
  public InMemorySites sites() {
    return new InMemorySites();
  }

  @Bean
  public InMemoryDomains domains() {
    return new InMemoryDomains();
  }

  @Bean
  public InMemoryDnsRecordSets dnsRecordSets() {
    return new InMemoryDnsRecordSets();
  }

  @Bean
  public InMemoryCustomerDatabases customerDatabases() {
    return new InMemoryCustomerDatabases();
  }

  @Bean
  public InMemoryMailDomains mailDomains() {
    return new InMemoryMailDomains();
  }

  @Bean
  public InMemoryMailboxes mailboxes() {
    return new InMemoryMailboxes();
  }

  @Bean
  public InMemoryMailAliases mailAliases() {
    return new InMemoryMailAliases();
  }

  @Bean
  public InMemorySubscriptions subscriptions() {
    return new InMemorySubscriptions();
  }

  @Bean
  public InMemoryInvoices invoices() {
    return new InMemoryInvoices();
  }

  @Bean
  public InMemorySecrets secrets() {
    return new InMemorySecrets();
  }

  @Bean
  public Allowances allowances(
      InMemoryPlans plans,
      InMemoryOrders orders,
      InMemorySites sites,
      InMemoryCustomerDatabases databases,
      InMemoryMailboxes mailboxes,
      InMemorySubscriptions subscriptions) {
    return new Allowances(plans, orders, sites, databases, mailboxes, subscriptions);
  }

  @Bean
  public InMemoryHosts hosts() {
    return new InMemoryHosts();
  }

  @Bean
  public InMemoryApiTokens apiTokens() {
    return new InMemoryApiTokens();
  }

  @Bean
  public Clock clock() {
    return Clock.systemUTC();
  }

  /** Background work runs on the test's thread, so a test sees its outcome at once. */
  @Bean
  public Executor applicationTaskExecutor() {
    return Runnable::run;
  }

  @Bean
  public PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  @Bean
  public CurrentUser currentUser() {
    return new CurrentUser(new AuthenticationContext());
  }

  @Bean
  public PlanCatalog planCatalog(InMemoryPlans plans) {
    return new PlanCatalog(plans);
  }

  @Bean
  public AccountService accountService(
      InMemoryCustomers customers,
      InMemoryApiTokens tokens,
      PasswordEncoder passwords,
      Clock clock) {
    return new AccountService(customers, tokens, passwords, clock);
  }
}
