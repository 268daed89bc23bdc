package io.berth.panel.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.berth.panel.common.Caller;
import io.berth.panel.common.ConflictException;
import io.berth.panel.common.InvalidInputException;
import io.berth.panel.common.NotFoundException;
import io.berth.panel.common.UserFacingException;
import io.berth.panel.testing.CommonTestBeans;
import io.berth.panel.testing.InMemoryCustomers;
import io.berth.panel.testing.InMemoryDomains;
import io.berth.panel.testing.InMemoryMailAliases;
import io.berth.panel.testing.InMemoryMailDomains;
import io.berth.panel.testing.InMemoryMailboxes;
import io.berth.panel.testing.InMemoryOrders;
import io.berth.panel.testing.InMemoryPlans;
import io.berth.panel.testing.Resettable;
import io.berth.persistence.account.Customer;
import io.berth.persistence.domain.Domain;
import io.berth.persistence.mail.MailAlias;
import io.berth.persistence.mail.MailDomain;
import io.berth.persistence.mail.Mailbox;
import io.berth.workflows.domain.DomainMode;
import io.berth.workflows.domain.DomainStatus;
import io.berth.workflows.mail.MailDomainStatus;
import io.berth.workflows.mail.MailboxStatus;
import io.berth.workflows.order.OrderStatus;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/**
 * Bad input, one row each: the customer reads what to fix (on the field at fault) and nothing is
 * stored, nor any workflow started. Runs the services the panel and the API share, over in-memory
 * repositories.
 */
@SpringJUnitConfig({CommonTestBeans.class, MailTestBeans.class})
class MailBadInputTest {

  static final String STRONG = "Correct horse 42";

  @Autowired MailDomainService mailDomainService;
  @Autowired MailboxService mailboxService;
  @Autowired AliasService aliasService;
  @Autowired FakeMailWorkflows workflows;
  @Autowired InMemoryCustomers customers;
  @Autowired InMemoryOrders orders;
  @Autowired InMemoryDomains domains;
  @Autowired InMemoryMailDomains mailDomains;
  @Autowired InMemoryMailboxes mailboxes;
  @Autowired InMemoryMailAliases aliases;
  @Autowired List<Resettable> fakes;

  /**
   * The services, and what is given: Ada (Starter: 10 mailboxes, 5 GB) has email on example.test
   * with info@ (500 MB, 300 MB used), a deleted old@ whose mail is kept, sales@ → info@ and a
   * catch-all → info@; b@ → a@ and x@ → y@ → z@ are aliases waiting for a@ and z@. broken.test's
   * email failed; setting-up.test is not set up yet. Tina (Trial: 2 mailboxes) has both of hers;
   * Grace has a domain of her own.
   */
  record Given(
      MailDomainService mailDomainService,
      MailboxService mailboxService,
      AliasService aliasService,
      Caller ada,
      MailDomain mail,
      Mailbox info,
      MailDomain broken,
      Domain settingUp,
      Domain graces,
      Caller tina,
      MailDomain tinas) {}

  record Case(String name, Consumer<Given> call, Class<?> refusal, String field, String message) {

    @Override
    public String toString() {
      return name;
    }
  }

  private Given given;

  @BeforeEach
  void setUp() {
    fakes.forEach(Resettable::reset);
    Customer ada = customer("ada@example.com", InMemoryPlans.STARTER);
    Domain example = domains.add(ada.id(), "example.test", DomainMode.HOSTED, DomainStatus.ACTIVE);
    MailDomain mail =
        mailDomains.add(ada.id(), example.id(), "example.test", MailDomainStatus.ACTIVE);
    Mailbox info =
        mailboxes.add(ada.id(), mail.id(), "info", "example.test", 500, MailboxStatus.ACTIVE);
    mailboxes.setUsage(info.address(), 300L * 1024 * 1024);
    mailboxes.add(ada.id(), mail.id(), "old", "example.test", 100, MailboxStatus.DELETED);
    alias(ada, mail, "sales", "info@example.test");
    alias(ada, mail, "*", "info@example.test");
    alias(ada, mail, "b", "a@example.test");
    alias(ada, mail, "x", "y@example.test");
    alias(ada, mail, "y", "z@example.test");
    Domain brokenDomain =
        domains.add(ada.id(), "broken.test", DomainMode.HOSTED, DomainStatus.ACTIVE);
    MailDomain broken =
        mailDomains.add(ada.id(), brokenDomain.id(), "broken.test", MailDomainStatus.FAILED);
    Domain settingUp =
        domains.add(ada.id(), "setting-up.test", DomainMode.HOSTED, DomainStatus.SETTING_UP);
    Customer grace = customer("grace@example.com", InMemoryPlans.STARTER);
    Domain graces = domains.add(grace.id(), "grace.test", DomainMode.EXTERNAL, DomainStatus.ACTIVE);
    Customer tina = customer("tina@example.com", InMemoryPlans.TRIAL);
    Domain tinaDomain = domains.add(tina.id(), "tina.test", DomainMode.HOSTED, DomainStatus.ACTIVE);
    MailDomain tinas =
        mailDomains.add(tina.id(), tinaDomain.id(), "tina.test", MailDomainStatus.ACTIVE);
    mailboxes.add(tina.id(), tinas.id(), "one", "tina.test", 10, MailboxStatus.ACTIVE);
    mailboxes.add(tina.id(), tinas.id(), "two", "tina.test", 10, MailboxStatus.CREATING);
    given =
        new Given(
            mailDomainService,
            mailboxService,
            aliasService,
            caller(ada),
            mail,
            info,
            broken,
            settingUp,
            graces,
            caller(tina),
            tinas);
  }

  static Stream<Case> badInputs() {
    return Stream.of(
        mailbox(
            "empty local part",
            "",
            InvalidInputException.class,
            "Enter the part before the @, e.g. info."),
        mailbox(
            "a whole address as local part",
            "info@example.test",
            InvalidInputException.class,
            "Enter only the part before the @ (info, not info@example.com)."),
        mailbox(
            "local part of 65 characters",
            "a".repeat(65),
            InvalidInputException.class,
            "The part before the @ has at most 64 characters."),
        mailbox(
            "letters outside a to z",
            "jürgen",
            InvalidInputException.class,
            "Use letters a to z, digits and . - _ + only."),
        mailbox(
            "a space",
            "in fo",
            InvalidInputException.class,
            "Use letters a to z, digits and . - _ + only."),
        mailbox(
            "a leading dot",
            ".info",
            InvalidInputException.class,
            "The part before the @ cannot start or end with a dot."),
        mailbox(
            "a trailing dot",
            "info.",
            InvalidInputException.class,
            "The part before the @ cannot start or end with a dot."),
        mailbox(
            "two dots in a row",
            "in..fo",
            InvalidInputException.class,
            "The part before the @ cannot have two dots in a row."),
        mailbox(
            "reserved root",
            "root",
            InvalidInputException.class,
            "root is reserved for the mail servers and system software; choose another name."),
        mailbox(
            "reserved MAILER-DAEMON in capitals",
            "MAILER-DAEMON",
            InvalidInputException.class,
            "mailer-daemon is reserved for the mail servers and system software; choose another"
                + " name."),
        mailbox(
            "reserved noreply",
            "noreply",
            InvalidInputException.class,
            "noreply is reserved for the mail servers and system software; choose another name."),
        mailbox(
            "an address that is a mailbox",
            "Info",
            ConflictException.class,
            "info@example.test is already a mailbox; choose another address."),
        mailboxCase(
            "an address whose deleted mailbox's mail is kept",
            g -> create(g, "old", null, STRONG, 100),
            ConflictException.class,
            "localPart",
            "old@example.test belonged to a deleted mailbox whose mail is kept until"),
        mailbox(
            "an address that is an alias",
            "sales",
            ConflictException.class,
            "sales@example.test is already an alias; choose another address."),
        mailboxCase(
            "a short password",
            g -> create(g, "new", null, "Short 1", 100),
            InvalidInputException.class,
            "password",
            "Use at least 10 characters."),
        mailboxCase(
            "a password of one kind",
            g -> create(g, "new", null, "onlylowercaseletters", 100),
            InvalidInputException.class,
            "password",
            "Mix at least two kinds of characters: lowercase, uppercase, digits, symbols."),
        mailboxCase(
            "a password over 72 bytes",
            g -> create(g, "new", null, "éÉ".repeat(20), 100),
            InvalidInputException.class,
            "password",
            "Use at most 72 bytes"),
        mailboxCase(
            "a quota under 10 MB",
            g -> create(g, "new", null, STRONG, 5),
            InvalidInputException.class,
            "quotaMb",
            "A mailbox needs a quota of at least 10 MB."),
        mailboxCase(
            "no quota",
            g -> create(g, "new", null, STRONG, null),
            InvalidInputException.class,
            "quotaMb",
            "Enter the mailbox's quota in MB, at least 10."),
        mailboxCase(
            "a quota beyond what the plan has left",
            g -> create(g, "new", null, STRONG, 5000),
            ConflictException.class,
            "quotaMb",
            "Your Starter plan has 5 GB of mail storage and your mailboxes' quotas take 500 MB, so"
                + " 4620 MB is left: choose at most 4620 MB, lower another mailbox's quota, or"
                + " order a bigger plan."),
        mailboxCase(
            "a display name over two lines",
            g -> create(g, "new", "Ada\nLovelace", STRONG, 100),
            InvalidInputException.class,
            "displayName",
            "A display name is one line, without tabs or control characters."),
        mailboxCase(
            "a display name of 101 characters",
            g -> create(g, "new", "A".repeat(101), STRONG, 100),
            InvalidInputException.class,
            "displayName",
            "A display name has at most 100 characters."),
        mailboxCase(
            "one mailbox more than the plan allows",
            g ->
                g.mailboxService()
                    .create(g.tina(), g.tinas().id(), new NewMailbox("three", null, STRONG, 10)),
            ConflictException.class,
            null,
            "Your Trial plan allows 2 mailboxes and you have 2: delete one or order a bigger"
                + " plan."),
        mailboxCase(
            "a mailbox on a mail domain that failed",
            g ->
                g.mailboxService()
                    .create(g.ada(), g.broken().id(), new NewMailbox("new", null, STRONG, 100)),
            ConflictException.class,
            null,
            "Email could not be set up for broken.test: turn it off and on again, or contact"
                + " support."),
        mailboxCase(
            "a quota change beyond the plan",
            g ->
                g.mailboxService()
                    .change(g.ada(), g.info().id(), new MailboxChange(null, 6000, null)),
            ConflictException.class,
            "quotaMb",
            "Your Starter plan has 5 GB of mail storage and your other mailboxes' quotas take 0"
                + " MB, so 5 GB is left: choose at most 5 GB, lower another mailbox's quota, or"
                + " order a bigger plan."),
        mailboxCase(
            "a quota below what the mailbox holds",
            g ->
                g.mailboxService()
                    .change(g.ada(), g.info().id(), new MailboxChange(STRONG, 200, "Info")),
            ConflictException.class,
            "quotaMb",
            "info@example.test holds 300.0 MB already: choose a quota of at least 300 MB, or"
                + " delete some mail first."),
        alias(
            "a destination that is not an address",
            "team",
            List.of("info@example.test", "bob"),
            InvalidInputException.class,
            "destinations",
            "'bob' is not an email address; write each destination as name@example.com."),
        alias(
            "an alias to itself",
            "team",
            List.of("team@example.test"),
            InvalidInputException.class,
            "destinations",
            "An alias cannot forward to itself (team@example.test)."),
        alias(
            "a loop a → b → a",
            "a",
            List.of("b@example.test"),
            ConflictException.class,
            "destinations",
            "That would make a loop: a@example.test → b@example.test → a@example.test; mail"
                + " would go round until the server gives up. Forward to a mailbox instead."),
        alias(
            "a longer loop z → x → y → z",
            "z",
            List.of("info@example.test", "x@example.test"),
            ConflictException.class,
            "destinations",
            "That would make a loop: z@example.test → x@example.test → y@example.test →"
                + " z@example.test; mail would go round until the server gives up. Forward to a"
                + " mailbox instead."),
        alias(
            "a destination on an own domain that does not exist",
            "team",
            List.of("ghost@example.test"),
            ConflictException.class,
            "destinations",
            "ghost@example.test is neither a mailbox nor an alias of yours, so mail to it would"
                + " bounce: create it first, or forward elsewhere."),
        alias(
            "a destination that is a deleted mailbox",
            "team",
            List.of("old@example.test"),
            ConflictException.class,
            "destinations",
            "old@example.test is a deleted mailbox, so mail to it would bounce; forward to a"
                + " mailbox that exists."),
        alias(
            "no destination",
            "team",
            List.of(" ", ""),
            InvalidInputException.class,
            "destinations",
            "Enter at least one address to forward to, e.g. you@example.com."),
        alias(
            "a reserved alias name",
            "root",
            List.of("info@example.test"),
            InvalidInputException.class,
            "localPart",
            "root is reserved for the mail servers and system software; choose another name."),
        alias(
            "an alias on a mailbox's address",
            "info",
            List.of("someone@elsewhere.test"),
            ConflictException.class,
            "localPart",
            "info@example.test is already a mailbox; choose another address."),
        aliasCase(
            "a second catch-all",
            g ->
                g.aliasService().create(g.ada(), g.mail().id(), "*", List.of("sales@example.test")),
            ConflictException.class,
            "localPart",
            "There is a catch-all for @example.test already (to info@example.test); a domain has"
                + " one. Delete it first to make another."),
        turnOn(
            "email on a domain still being set up",
            g -> g.mailDomainService().turnOn(g.ada(), g.settingUp().id()),
            ConflictException.class,
            "domainId",
            "setting-up.test is still being set up; turn on email once it is ready."),
        turnOn(
            "email on another customer's domain",
            g -> g.mailDomainService().turnOn(g.ada(), g.graces().id()),
            NotFoundException.class,
            null,
            "There is no domain "),
        turnOn(
            "email on a domain that has it already",
            g -> g.mailDomainService().turnOn(g.ada(), g.mail().domainId()),
            ConflictException.class,
            "domainId",
            "Email is already on for example.test."),
        turnOn(
            "email on no domain",
            g -> g.mailDomainService().turnOn(g.ada(), null),
            InvalidInputException.class,
            "domainId",
            "Choose the domain to turn email on for."));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInputs")
  void givenBadInput_theCustomerReadsWhatToFixAndNothingIsStored(Case bad) {
    List<MailDomain> domainsBefore = mailDomains.findAll();
    List<Mailbox> mailboxesBefore = mailboxes.findAll();
    List<MailAlias> aliasesBefore = aliases.findAll();

    UserFacingException refused =
        catchThrowableOfType(UserFacingException.class, () -> bad.call().accept(given));

    assertThat(refused).as(bad.name()).isInstanceOf(bad.refusal());
    assertThat(refused.getMessage()).startsWith(bad.message());
    if (bad.field() != null) {
      assertThat(refused.problemWith(bad.field())).startsWith(bad.message());
    } else {
      assertThat(refused.fields()).isEmpty();
    }
    assertThat(mailDomains.findAll()).isEqualTo(domainsBefore);
    assertThat(mailboxes.findAll()).isEqualTo(mailboxesBefore);
    assertThat(aliases.findAll()).isEqualTo(aliasesBefore);
    assertThat(workflows.startedDomains).isEmpty();
    assertThat(workflows.startedMailboxes).isEmpty();
  }

  private static void create(
      Given g, String localPart, String displayName, String password, Integer quotaMb) {
    g.mailboxService()
        .create(g.ada(), g.mail().id(), new NewMailbox(localPart, displayName, password, quotaMb));
  }

  /** A mailbox that is fine but for its local part. */
  private static Case mailbox(String name, String localPart, Class<?> refusal, String message) {
    return mailboxCase(
        name, g -> create(g, localPart, null, STRONG, 100), refusal, "localPart", message);
  }

  private static Case mailboxCase(
      String name, Consumer<Given> call, Class<?> refusal, String field, String message) {
    return new Case("mailbox: " + name, call, refusal, field, message);
  }

  private static Case alias(
      String name,
      String localPart,
      List<String> destinations,
      Class<?> refusal,
      String field,
      String message) {
    return aliasCase(
        name,
        g -> g.aliasService().create(g.ada(), g.mail().id(), localPart, destinations),
        refusal,
        field,
        message);
  }

  private static Case aliasCase(
      String name, Consumer<Given> call, Class<?> refusal, String field, String message) {
    return new Case("alias: " + name, call, refusal, field, message);
  }

  private static Case turnOn(
      String name, Consumer<Given> call, Class<?> refusal, String field, String message) {
    return new Case("turn on: " + name, call, refusal, field, message);
  }

  private Customer customer(String email, long planId) {
    Customer customer = customers.add(email, Customer.ROLE_CUSTOMER);
    orders.add(customer.id(), planId, email.substring(0, email.indexOf('@')), OrderStatus.ACTIVE);
    return customer;
  }

  private void alias(Customer owner, MailDomain mail, String localPart, String destination) {
    aliases.save(MailAlias.of(owner.id(), mail.id(), localPart, mail.name(), List.of(destination)));
  }

  private static Caller caller(Customer customer) {
    return Caller.customer(customer.id(), customer.email());
  }
}
