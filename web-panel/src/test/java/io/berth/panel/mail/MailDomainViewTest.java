package io.berth.panel.mail;

import static com.github.mvysny.kaributesting.v10.BasicUtilsKt.get_textRecursively;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.berth.panel.testing.InMemoryPlans;
import io.berth.panel.testing.ViewTest;
import io.berth.persistence.account.Customer;
import io.berth.persistence.domain.Domain;
import io.berth.persistence.mail.MailAlias;
import io.berth.persistence.mail.MailDomain;
import io.berth.persistence.mail.MailPasswordHashes;
import io.berth.persistence.mail.Mailbox;
import io.berth.workflows.domain.DomainMode;
import io.berth.workflows.domain.DomainStatus;
import io.berth.workflows.mail.MailDnsRecord;
import io.berth.workflows.mail.MailDomainStatus;
import io.berth.workflows.mail.MailboxRequest;
import io.berth.workflows.mail.MailboxStatus;
import io.berth.workflows.order.OrderStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class MailDomainViewTest extends ViewTest {

  static final String PASSWORD = "Correct horse 42";
  static final List<MailDnsRecord> RECORDS =
      List.of(
          new MailDnsRecord("@", "MX", 3600, List.of("10 mail.berth.localhost.")),
          new MailDnsRecord("@", "TXT", 3600, List.of("\"v=spf1 mx -all\"")),
          new MailDnsRecord(
              "berth._domainkey", "TXT", 3600, List.of("\"v=DKIM1; k=rsa; p=MIIBIjANBg\"")),
          new MailDnsRecord("_dmarc", "TXT", 3600, List.of("\"v=DMARC1; p=none\"")));

  @Autowired FakeMailWorkflows workflows;
  @Autowired MailDomainFeed feed;
  private Customer ada;

  @BeforeEach
  void signInAda() {
    ada = signIn("ada@example.com");
    orders.add(ada.id(), InMemoryPlans.STARTER, "shop", OrderStatus.ACTIVE);
  }

  @Test
  void givenHostedDns_theMailRecordsArePublishedForTheCustomerWithTheDmarcNote() {
    MailDomain mail = mailDomain(DomainMode.HOSTED, MailDomainStatus.ACTIVE);
    workflows.setDnsRecords(mail.id(), RECORDS);

    navigate("mail/" + mail.id());

    assertThat(text("mail-status")).isEqualTo("Email on");
    assertThat(text("mail-dns-intro"))
        .isEqualTo("Published for you in the example.test zone, which Berth runs:");
    assertThat(text("mail-record-0")).contains("example.test", "MX", "10 mail.berth.localhost.");
    assertThat(text("mail-record-2"))
        .contains("berth._domainkey.example.test", "TXT", "v=DKIM1; k=rsa; p=MIIBIjANBg");
    assertThat(text("mail-record-3")).contains("_dmarc.example.test", "v=DMARC1; p=none");
    assertThat(_find(Button.class, spec -> spec.withId("mail-record-copy-0-0"))).isEmpty();
    assertThat(text("mail-dmarc-note"))
        .isEqualTo(
            "DMARC starts with p=none, which only reports; once the reports show only your own"
                + " servers sending, tighten it to p=quarantine, then p=reject. Change it in the"
                + " DNS editor.");
  }

  @Test
  void givenExternalDns_itSaysToAddTheRecordsAtTheDnsProviderWithCopyButtons() {
    MailDomain mail = mailDomain(DomainMode.EXTERNAL, MailDomainStatus.ACTIVE);
    workflows.setDnsRecords(mail.id(), RECORDS);

    navigate("mail/" + mail.id());

    assertThat(text("mail-dns-intro"))
        .isEqualTo("Add these at your DNS provider, where example.test's DNS is run:");
    assertThat(text("mail-record-value-1-0")).isEqualTo("\"v=spf1 mx -all\"");
    for (int i = 0; i < RECORDS.size(); i++) {
      int record = i;
      _get(Button.class, spec -> spec.withId("mail-record-copy-" + record + "-0"));
      _get(Button.class, spec -> spec.withId("mail-record-copy-name-" + record));
    }
    assertThat(text("mail-dmarc-note")).contains("p=none", "Change it at your DNS provider.");
  }

  @Test
  void whenTheWorkflowDoesNotAnswer_itSaysTheRecordsCannotBeShownNow() {
    MailDomain mail = mailDomain(DomainMode.HOSTED, MailDomainStatus.ACTIVE);
    workflows.notAnswering(true);

    navigate("mail/" + mail.id());

    assertThat(text("mail-dns-intro")).startsWith("The records cannot be shown right now");
    assertThat(_find(Component.class, spec -> spec.withId("mail-record-0"))).isEmpty();
  }

  @Test
  void itShowsWhatAMailClientNeeds() {
    MailDomain mail = mailDomain(DomainMode.HOSTED, MailDomainStatus.ACTIVE);

    navigate("mail/" + mail.id());

    assertThat(text("mail-client-settings"))
        .contains(
            "Incoming mail (IMAP)",
            "Server 127.0.0.1, port 1143, security STARTTLS",
            "Outgoing mail (SMTP)",
            "Server 127.0.0.1, port 2587, security STARTTLS, authentication required",
            "User name",
            "The mailbox's full address, e.g. info@example.test");
  }

  @Test
  void creatingAMailboxStoresOnlyTheHashAndStartsItsWorkflow() {
    MailDomain mail = mailDomain(DomainMode.HOSTED, MailDomainStatus.ACTIVE);
    navigate("mail/" + mail.id());
    assertThat(passwordField().getHelperText())
        .isEqualTo(
            "At least 10 characters, mixing letters with digits or symbols. At most 72 bytes: the"
                + " mail server reads no further.");
    assertThat(quotaField().getValue()).isEqualTo(500);
    assertThat(quotaField().getHelperText())
        .isEqualTo("At least 10 MB; your plan has 5 GB of mail storage left.");

    fillIn("Info", "Ada Lovelace", PASSWORD, PASSWORD, 500);
    _click(button("mailbox-create"));

    Mailbox created = mailboxes.findStoredByAddress("info@example.test").orElseThrow();
    assertThat(created.localPart()).isEqualTo("info");
    assertThat(created.displayName()).isEqualTo("Ada Lovelace");
    assertThat(created.quotaMb()).isEqualTo(500);
    assertThat(created.status()).isEqualTo(MailboxStatus.CREATING);
    assertThat(created.passwordHash()).startsWith("$2y$10$").doesNotContain(PASSWORD);
    assertThat(MailPasswordHashes.matches(PASSWORD, created.passwordHash())).isTrue();
    assertThat(workflows.startedMailboxes)
        .containsExactly(
            new FakeMailWorkflows.Started<>(
                new MailboxRequest(created.id(), ada.id(), Duration.ofDays(30), false),
                "example.test"));
    assertThat(text("mailbox-" + created.id()))
        .contains("info@example.test", "Ada Lovelace", "Being created", "0 MB of 500 MB");
    assertThat(localPartField().getValue()).isEmpty();
    assertThat(passwordField().getValue()).isEmpty();
    assertThat(text("mail-allowance"))
        .isEqualTo("Your Starter plan allows 10 mailboxes; you have 1.");
    assertThat(get_textRecursively(currentView())).doesNotContain(PASSWORD);
  }

  @Test
  void givenBadInput_theFormShowsEachProblemOnItsFieldAndStoresNothing() {
    MailDomain mail = mailDomain(DomainMode.HOSTED, MailDomainStatus.ACTIVE);
    navigate("mail/" + mail.id());

    fillIn("in..fo", "", "short", "short", 5);
    _click(button("mailbox-create"));

    assertThat(localPartField().getErrorMessage())
        .isEqualTo("The part before the @ cannot have two dots in a row.");
    assertThat(passwordField().getErrorMessage()).isEqualTo("Use at least 10 characters.");
    assertThat(quotaField().getErrorMessage())
        .isEqualTo("A mailbox needs a quota of at least 10 MB.");

    fillIn("root", "", PASSWORD, PASSWORD, 100);
    _click(button("mailbox-create"));
    assertThat(localPartField().getErrorMessage()).contains("reserved");
    assertThat(passwordField().isInvalid()).isFalse();

    fillIn("info", "", PASSWORD, PASSWORD + "!", 100);
    _click(button("mailbox-create"));
    assertThat(confirmField().getErrorMessage())
        .isEqualTo("The two passwords differ; type the same one twice.");

    fillIn("info", "", PASSWORD, PASSWORD, 6000);
    _click(button("mailbox-create"));
    assertThat(quotaField().getErrorMessage())
        .startsWith("Your Starter plan has 5 GB of mail storage");

    assertThat(mailboxes.count()).isZero();
    assertThat(workflows.startedMailboxes).isEmpty();
  }

  @Test
  void aMailboxShowsHowFullItIs() {
    MailDomain mail = mailDomain(DomainMode.HOSTED, MailDomainStatus.ACTIVE);
    Mailbox info =
        mailboxes.add(ada.id(), mail.id(), "info", "example.test", 500, MailboxStatus.ACTIVE);
    mailboxes.setUsage(info.address(), 12_897_485L);

    navigate("mail/" + mail.id());

    assertThat(text("mailbox-usage-" + info.id())).isEqualTo("12.3 MB of 500 MB");
    assertThat(
            _get(ProgressBar.class, spec -> spec.withId("mailbox-usage-bar-" + info.id()))
                .getValue())
        .isBetween(0.0245, 0.0247);
    assertThat(text("mailbox-" + info.id()))
        .contains("Active", "Mail clients sign in as info@example.test.");
  }

  @Test
  void deletingNeedsTheAddressTypedThenKeepsTheMailUntilTheEndOfTheRetention() {
    MailDomain mail = mailDomain(DomainMode.HOSTED, MailDomainStatus.ACTIVE);
    Mailbox info =
        mailboxes.add(ada.id(), mail.id(), "info", "example.test", 500, MailboxStatus.ACTIVE);
    mailAliases.save(
        MailAlias.of(ada.id(), mail.id(), "sales", "example.test", List.of(info.address())));
    navigate("mail/" + mail.id());

    _click(button("mailbox-delete-" + info.id()));
    assertThat(get_textRecursively(_get(Dialog.class)))
        .contains(
            "Its mail is kept for 30 days, then removed for good",
            "Mail to sales@example.test is forwarded here and will bounce.");
    Button confirm = button("mailbox-delete-confirmed");
    TextField typed = _get(TextField.class, spec -> spec.withId("mailbox-delete-confirm"));
    assertThat(confirm.isEnabled()).isFalse();
    _setValue(typed, "info@example.tes");
    assertThat(confirm.isEnabled()).isFalse();
    _setValue(typed, "info@example.test");
    assertThat(confirm.isEnabled()).isTrue();
    _click(confirm);

    Mailbox deleted = mailboxes.findById(info.id()).orElseThrow();
    assertThat(workflows.deletedMailboxes).containsExactly(info.id());
    assertThat(deleted.status()).isEqualTo(MailboxStatus.DELETED);
    assertThat(deleted.purgeAfter())
        .isBetween(
            Instant.now().plus(Duration.ofDays(30)).minusSeconds(60),
            Instant.now().plus(Duration.ofDays(30)));
    assertThat(text("mailbox-kept-" + info.id()))
        .isEqualTo("Deleted — mail kept until " + MailFormat.date(deleted.purgeAfter()) + ".");
    assertThat(_find(Button.class, spec -> spec.withId("mailbox-password-" + info.id()))).isEmpty();
  }

  @Test
  void changingThePasswordShowsARefusalOnTheFieldThenStoresTheNewHash() {
    MailDomain mail = mailDomain(DomainMode.HOSTED, MailDomainStatus.ACTIVE);
    Mailbox info =
        mailboxes.add(ada.id(), mail.id(), "info", "example.test", 500, MailboxStatus.ACTIVE);
    navigate("mail/" + mail.id());

    _click(button("mailbox-password-" + info.id()));
    PasswordField password = _get(PasswordField.class, spec -> spec.withId("mailbox-new-password"));
    PasswordField again =
        _get(PasswordField.class, spec -> spec.withId("mailbox-new-password-confirm"));
    _setValue(password, "alllowercaseletters");
    _setValue(again, "alllowercaseletters");
    _click(button("mailbox-password-save"));
    assertThat(password.getErrorMessage())
        .isEqualTo("Mix at least two kinds of characters: lowercase, uppercase, digits, symbols.");
    assertThat(mailboxes.findById(info.id()).orElseThrow().passwordHash())
        .isEqualTo(info.passwordHash());

    _setValue(password, "New password 7");
    _setValue(again, "New password 7");
    _click(button("mailbox-password-save"));

    assertThat(_find(Dialog.class)).isEmpty();
    assertThat(
            MailPasswordHashes.matches(
                "New password 7", mailboxes.findById(info.id()).orElseThrow().passwordHash()))
        .isTrue();
  }

  @Test
  void changingTheQuotaIsCheckedAgainstThePlan() {
    MailDomain mail = mailDomain(DomainMode.HOSTED, MailDomainStatus.ACTIVE);
    Mailbox info =
        mailboxes.add(ada.id(), mail.id(), "info", "example.test", 500, MailboxStatus.ACTIVE);
    navigate("mail/" + mail.id());

    _click(button("mailbox-quota-" + info.id()));
    IntegerField quota = _get(IntegerField.class, spec -> spec.withId("mailbox-new-quota"));
    assertThat(quota.getHelperText()).contains("at most 5 GB");
    _setValue(quota, 6000);
    _click(button("mailbox-quota-save"));
    assertThat(quota.getErrorMessage()).contains("choose at most 5 GB");

    _setValue(quota, 2048);
    _click(button("mailbox-quota-save"));

    assertThat(mailboxes.findById(info.id()).orElseThrow().quotaMb()).isEqualTo(2048);
    assertThat(text("mailbox-usage-" + info.id())).isEqualTo("0 MB of 2 GB");
    assertThat(text("mail-storage")).contains("2 GB of your Starter plan's 5 GB");
  }

  @Test
  void aliasesForwardToMailboxesAndOutsideAddressesAndACatchAllTakesTheRest() {
    MailDomain mail = mailDomain(DomainMode.HOSTED, MailDomainStatus.ACTIVE);
    mailboxes.add(ada.id(), mail.id(), "info", "example.test", 500, MailboxStatus.ACTIVE);
    navigate("mail/" + mail.id());

    _setValue(aliasField(), "Sales");
    _setValue(destinationsField(), "info@example.test\nBoss@Elsewhere.test\n");
    _click(button("alias-create"));
    _setValue(aliasField(), "*");
    _setValue(destinationsField(), "sales@example.test");
    _click(button("alias-create"));

    MailAlias sales = mailAliases.findByAddress("sales@example.test").orElseThrow();
    assertThat(sales.destinationList()).containsExactly("info@example.test", "boss@elsewhere.test");
    MailAlias catchAll = mailAliases.findByAddress("@example.test").orElseThrow();
    assertThat(catchAll.isCatchAll()).isTrue();
    assertThat(text("alias-" + sales.id()))
        .contains("sales@example.test", "→ info@example.test, boss@elsewhere.test");
    assertThat(text("alias-" + catchAll.id()))
        .contains("Catch-all: any other address @example.test", "→ sales@example.test");

    _click(button("alias-delete-" + sales.id()));
    NotificationsKt.expectNotifications(
        "sales@example.test now forwards to info@example.test, boss@elsewhere.test.",
        "Catch-all: any other address @example.test now forwards to sales@example.test.",
        "@example.test forwards to sales@example.test; change or delete that alias first.");
    assertThat(mailAliases.findById(sales.id())).isPresent();

    _click(button("alias-delete-" + catchAll.id()));
    _click(button("alias-delete-" + sales.id()));
    assertThat(mailAliases.count()).isZero();
    assertThat(_find(Component.class, spec -> spec.withId("alias-" + sales.id()))).isEmpty();
  }

  @Test
  void aLoopIsShownOnTheDestinationsAndNothingIsStored() {
    MailDomain mail = mailDomain(DomainMode.HOSTED, MailDomainStatus.ACTIVE);
    mailAliases.save(
        MailAlias.of(ada.id(), mail.id(), "b", "example.test", List.of("a@example.test")));
    navigate("mail/" + mail.id());

    _setValue(aliasField(), "a");
    _setValue(destinationsField(), "b@example.test");
    _click(button("alias-create"));

    assertThat(destinationsField().getErrorMessage())
        .startsWith("That would make a loop: a@example.test → b@example.test → a@example.test");
    assertThat(mailAliases.count()).isEqualTo(1);
  }

  @Test
  void itSuggestsPostmasterAndAbuseUntilTheyReachSomeone() {
    MailDomain mail = mailDomain(DomainMode.HOSTED, MailDomainStatus.ACTIVE);
    mailboxes.add(ada.id(), mail.id(), "postmaster", "example.test", 100, MailboxStatus.ACTIVE);
    navigate("mail/" + mail.id());
    assertThat(text("mail-role-addresses"))
        .startsWith("Create abuse@example.test (a mailbox, or an alias to yours): RFC 2142");

    _setValue(aliasField(), "abuse");
    _setValue(destinationsField(), "postmaster@example.test");
    _click(button("alias-create"));

    assertThat(_find(Component.class, spec -> spec.withId("mail-role-addresses"))).isEmpty();
  }

  @Test
  void atThePlansLimitItSaysWhatToDoAndOffersNoCreate() {
    Customer tina = signIn("tina@example.com");
    orders.add(tina.id(), InMemoryPlans.TRIAL, "trial", OrderStatus.ACTIVE);
    Domain domain = domains.add(tina.id(), "tina.test", DomainMode.HOSTED, DomainStatus.ACTIVE);
    MailDomain mail = mailDomains.add(tina.id(), domain.id(), "tina.test", MailDomainStatus.ACTIVE);
    mailboxes.add(tina.id(), mail.id(), "one", "tina.test", 50, MailboxStatus.ACTIVE);
    mailboxes.add(tina.id(), mail.id(), "two", "tina.test", 50, MailboxStatus.ACTIVE);

    navigate("mail/" + mail.id());

    assertThat(text("mail-allowance")).isEqualTo("Your Trial plan allows 2 mailboxes; you have 2.");
    assertThat(text("mail-storage"))
        .isEqualTo(
            "Mail storage: 100 MB of your Trial plan's 200 MB is given to mailbox quotas; 100 MB is"
                + " left.");
    assertThat(text("mail-limit"))
        .isEqualTo(
            "Your Trial plan allows 2 mailboxes and you have 2: delete one or order a bigger plan.");
    assertThat(button("mailbox-create").isEnabled()).isFalse();
  }

  @Test
  void turningOffIsRefusedWhileMailboxesAreLeftThenSignalsTheWorkflowAndDropsTheAliases() {
    MailDomain mail = mailDomain(DomainMode.HOSTED, MailDomainStatus.ACTIVE);
    Mailbox info =
        mailboxes.add(ada.id(), mail.id(), "info", "example.test", 500, MailboxStatus.ACTIVE);
    mailboxes.add(ada.id(), mail.id(), "sales", "example.test", 500, MailboxStatus.CREATING);
    mailAliases.save(
        MailAlias.of(ada.id(), mail.id(), "*", "example.test", List.of("x@else.test")));
    navigate("mail/" + mail.id());

    _click(button("mail-turn-off"));
    NotificationsKt.expectNotifications(
        "example.test still has 2 mailboxes (info@example.test, sales@example.test): delete them"
            + " first, then turn email off.");
    assertThat(workflows.turnedOff).isEmpty();

    mailboxes.markDeleted(info.id(), Instant.now().plus(Duration.ofDays(30)));
    mailboxes.updateStatus(
        mailboxes.findStoredByAddress("sales@example.test").orElseThrow().id(),
        MailboxStatus.PURGED,
        null);
    navigate("mail/" + mail.id());
    _click(button("mail-turn-off"));
    assertThat(get_textRecursively(_get(Dialog.class)))
        .contains("its aliases and catch-all are deleted");
    _click(button("mail-turn-off-confirmed"));

    assertThat(workflows.turnedOff).containsExactly(mail.id());
    assertThat(mailDomains.findById(mail.id()).orElseThrow().status())
        .isEqualTo(MailDomainStatus.REMOVING);
    assertThat(mailAliases.count()).isZero();
    assertThat(currentView()).isInstanceOf(MailView.class);
  }

  @Test
  void givenAnotherCustomersMailDomain_itIsNotFound() {
    Customer grace = customers.add("grace@example.com", Customer.ROLE_CUSTOMER);
    Domain theirs = domains.add(grace.id(), "theirs.test", DomainMode.HOSTED, DomainStatus.ACTIVE);
    MailDomain mail =
        mailDomains.add(grace.id(), theirs.id(), "theirs.test", MailDomainStatus.ACTIVE);

    navigate("mail/" + mail.id());

    assertThat(get_textRecursively(currentView()))
        .contains("Mail domain not found")
        .doesNotContain("theirs");
    assertThat(feed.watchedMailDomains()).isZero();
  }

  private MailDomain mailDomain(DomainMode mode, MailDomainStatus status) {
    Domain domain = domains.add(ada.id(), "example.test", mode, DomainStatus.ACTIVE);
    return mailDomains.add(ada.id(), domain.id(), "example.test", status);
  }

  private static void fillIn(
      String localPart, String displayName, String password, String again, Integer quota) {
    _setValue(localPartField(), localPart);
    _setValue(_get(TextField.class, spec -> spec.withId("mailbox-display-name")), displayName);
    _setValue(passwordField(), password);
    _setValue(confirmField(), again);
    _setValue(quotaField(), quota);
  }

  private static TextField localPartField() {
    return _get(TextField.class, spec -> spec.withId("mailbox-local-part"));
  }

  private static PasswordField passwordField() {
    return _get(PasswordField.class, spec -> spec.withId("mailbox-password"));
  }

  private static PasswordField confirmField() {
    return _get(PasswordField.class, spec -> spec.withId("mailbox-password-confirm"));
  }

  private static IntegerField quotaField() {
    return _get(IntegerField.class, spec -> spec.withId("mailbox-quota"));
  }

  private static TextField aliasField() {
    return _get(TextField.class, spec -> spec.withId("alias-local-part"));
  }

  private static TextArea destinationsField() {
    return _get(TextArea.class, spec -> spec.withId("alias-destinations"));
  }

  private static Button button(String id) {
    return _get(Button.class, spec -> spec.withId(id));
  }

  private static String text(String id) {
    return get_textRecursively(_get(Component.class, spec -> spec.withId(id)));
  }
}
