package io.berth.panel.account;

import io.berth.panel.common.UserFacingException;
import io.berth.persistence.account.Customer;
import io.berth.persistence.account.CustomerRepository;
import java.io.PrintStream;
import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Makes sure someone can sign in as support: at the first start (no SUPPORT account yet) it creates
 * one from {@code berth.admin.*}, or with a generated password that is printed once to the console
 * and never logged.
 */
@Component
class SupportAccountBootstrap implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(SupportAccountBootstrap.class);
  private static final String ALPHABET =
      "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final CustomerRepository customers;
  private final AccountService accounts;
  private final AdminProperties admin;
  private final PrintStream console;

  @Autowired
  SupportAccountBootstrap(
      CustomerRepository customers, AccountService accounts, AdminProperties admin) {
    this(customers, accounts, admin, System.out);
  }

  SupportAccountBootstrap(
      CustomerRepository customers,
      AccountService accounts,
      AdminProperties admin,
      PrintStream console) {
    this.customers = customers;
    this.accounts = accounts;
    this.admin = admin;
    this.console = console;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (customers.existsByRole(Customer.ROLE_SUPPORT)) {
      return;
    }
    String email = admin.emailOrDefault();
    boolean generated = !admin.hasPassword();
    String password = generated ? generatePassword() : admin.password();
    if (!generated) {
      PasswordPolicy.problem(password)
          .ifPresent(p -> log.warn("BERTH_ADMIN_PASSWORD is weak: {} Change it soon.", p));
    }
    try {
      accounts.createSupport(email, password);
    } catch (UserFacingException e) {
      log.error(
          "Could not create the first support account {}: {} Set BERTH_ADMIN_EMAIL to another"
              + " address.",
          email,
          e.getMessage());
      return;
    }
    if (generated) {
      printOnce(email, password);
    } else {
      log.info("Created the first support account {} from BERTH_ADMIN_EMAIL.", email);
    }
  }

  private void printOnce(String email, String password) {
    String rule = "=".repeat(72);
    console.println();
    console.println(rule);
    console.println("  Berth: first support account created");
    console.println();
    console.println("    email:    " + email);
    console.println("    password: " + password);
    console.println();
    console.println("  This password is shown only now. Sign in at /login and keep it safe,");
    console.println("  or set BERTH_ADMIN_EMAIL / BERTH_ADMIN_PASSWORD before the first start.");
    console.println(rule);
    console.println();
    console.flush();
  }

  static String generatePassword() {
    while (true) {
      StringBuilder password = new StringBuilder();
      for (int i = 0; i < 24; i++) {
        password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
      }
      if (PasswordPolicy.problem(password.toString()).isEmpty()) {
        return password.toString();
      }
    }
  }
}
