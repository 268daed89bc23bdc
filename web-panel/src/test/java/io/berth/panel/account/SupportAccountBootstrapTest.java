package io.berth.panel.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.panel.testing.InMemoryApiTokens;
import io.berth.panel.testing.InMemoryCustomers;
import io.berth.persistence.account.Customer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

class SupportAccountBootstrapTest {

  private final InMemoryCustomers customers = new InMemoryCustomers();
  private final PasswordEncoder passwords =
      PasswordEncoderFactories.createDelegatingPasswordEncoder();
  private final AccountService accounts =
      new AccountService(customers, new InMemoryApiTokens(), passwords, Clock.systemUTC());
  private final ByteArrayOutputStream console = new ByteArrayOutputStream();

  @Test
  void givenNoSupportAccountAndNoConfiguration_itCreatesOneAndPrintsThePasswordOnce() {
    bootstrap(new AdminProperties(null, null)).run(null);
    bootstrap(new AdminProperties(null, null)).run(null);

    Customer admin = customers.findByEmailIgnoreCase("admin@berth.localhost").orElseThrow();
    assertThat(admin.isSupport()).isTrue();
    String printed = console.toString(StandardCharsets.UTF_8);
    String password =
        printed.lines().filter(l -> l.contains("password:")).findFirst().orElseThrow();
    password = password.substring(password.indexOf(':') + 1).trim();
    assertThat(PasswordPolicy.problem(password)).isEmpty();
    assertThat(passwords.matches(password, admin.passwordHash())).isTrue();
    assertThat(printed.split("first support account created", -1)).hasSize(2);
    assertThat(customers.count()).isEqualTo(1);
  }

  @Test
  void givenConfiguredCredentials_itUsesThemAndPrintsNothing() {
    bootstrap(new AdminProperties("ops@example.com", "Configured pass 1")).run(null);

    Customer admin = customers.findByEmailIgnoreCase("ops@example.com").orElseThrow();
    assertThat(admin.isSupport()).isTrue();
    assertThat(passwords.matches("Configured pass 1", admin.passwordHash())).isTrue();
    assertThat(console.size()).isZero();
  }

  @Test
  void givenASupportAccountExists_itDoesNothing() {
    customers.add("someone@example.com", Customer.ROLE_SUPPORT);

    bootstrap(new AdminProperties(null, null)).run(null);

    assertThat(customers.count()).isEqualTo(1);
    assertThat(console.size()).isZero();
  }

  private SupportAccountBootstrap bootstrap(AdminProperties properties) {
    return new SupportAccountBootstrap(
        customers, accounts, properties, new PrintStream(console, true, StandardCharsets.UTF_8));
  }
}
