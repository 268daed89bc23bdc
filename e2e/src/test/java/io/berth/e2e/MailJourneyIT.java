package io.berth.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Email as a customer lives it, in real Chromium against the real platform and the machine's real
 * Postfix, Dovecot and OpenDKIM: add a hosted domain → turn on email in the panel and watch its
 * steps → create a mailbox with a password typed into the form → a mail client logs in over IMAP
 * with that password, and mail sent to the address is in its inbox.
 */
class MailJourneyIT {

  private static final String DOMAIN = "mail-journey.test";

  private static Platform platform;
  private static Browser browser;

  @BeforeAll
  static void start() throws Exception {
    platform = Platform.fromJars();
    Platform.pointMailAt(Platform.DATABASE);
    Platform.deleteZone(DOMAIN);
    browser = new Browser();
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) {
      browser.close();
    }
    if (platform != null) {
      platform.close();
    }
    Platform.pointMailAt("berth");
  }

  @Test
  void customerTurnsOnEmailCreatesAMailboxAndReadsItsMailOverImap() throws Exception {
    String site = "mail" + Long.toString(System.nanoTime() % 100000, 36);
    String email = site + "@berth.test";
    String password = "Mail-journey-password-1";
    PanelApi api = new PanelApi(platform.panelUrl()).signUp(email, password);
    // The Trial plan comes with 2 mailboxes and 200 MB of mail storage.
    api.order(api.planId("Trial"), site);
    long domainId = api.addHostedDomain(DOMAIN);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> !api.domain(domainId).get("status").asText().equals("SETTING_UP"));

    browser.signIn(platform.panelUrl(), email, password);
    browser.open(platform.panelUrl() + "/mail");
    browser.clickId("mail-turn-on-" + domainId);
    browser.waitUntil(Duration.ofSeconds(20), d -> d.getCurrentUrl().matches(".*/mail/\\d+$"));
    browser.waitUntil(
        Duration.ofSeconds(60), d -> browser.classOf("step-servers").contains("done"));
    assertThat(browser.classOf("step-dkim")).contains("done");
    assertThat(browser.classOf("step-dns")).contains("done");
    browser.waitUntil(
        Duration.ofSeconds(20), d -> browser.textOf("mail-dns").contains("_domainkey"));
    assertThat(browser.textOf("mail-dns")).contains("MX").contains("v=spf1").contains("DMARC1");

    String address = "info@" + DOMAIN;
    String mailboxPassword = "Typed-in-the-panel-7";
    browser.find("#mailbox-local-part input").sendKeys("info");
    browser.find("#mailbox-display-name input").sendKeys("Info desk");
    browser.find("#mailbox-password input").sendKeys(mailboxPassword);
    browser.find("#mailbox-password-confirm input").sendKeys(mailboxPassword);
    browser.find("#mailbox-quota input").clear();
    browser.find("#mailbox-quota input").sendKeys("50");
    assertThat(browser.textOf("mail-allowance")).contains("2");
    browser.clickId("mailbox-create");
    browser.waitUntil(Duration.ofSeconds(20), d -> browser.textOf("mailboxes").contains(address));

    // The mail client's first login may come a moment before the mailbox workflow marked it ACTIVE.
    await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .until(
            () -> {
              try (Store store = imap(address, mailboxPassword)) {
                return store.isConnected();
              }
            });
    assertThatThrownBy(() -> imap(address, "Not-the-password-1"))
        .isInstanceOf(AuthenticationFailedException.class);

    String subject = "Welcome to " + DOMAIN + " " + System.nanoTime();
    send("friend@outside.example", address, subject);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> inboxSubjects(address, mailboxPassword), s -> s.contains(subject));
  }

  private static Store imap(String user, String password) throws MessagingException {
    Properties props = tls("imap");
    Store store = Session.getInstance(props).getStore("imap");
    store.connect("127.0.0.1", 1143, user, password);
    return store;
  }

  private static String inboxSubjects(String user, String password) throws MessagingException {
    try (Store store = imap(user, password);
        Folder inbox = store.getFolder("INBOX")) {
      inbox.open(Folder.READ_ONLY);
      return String.join(
          "\n", Arrays.stream(inbox.getMessages()).map(MailJourneyIT::subjectOf).toList());
    }
  }

  private static String subjectOf(Message message) {
    try {
      return message.getSubject();
    } catch (MessagingException e) {
      return "";
    }
  }

  /** Delivers as another mail server would: port 2525, no authentication. */
  private static void send(String from, String to, String subject) throws MessagingException {
    Properties props = tls("smtp");
    props.put("mail.smtp.host", "127.0.0.1");
    props.put("mail.smtp.port", "2525");
    MimeMessage message = new MimeMessage(Session.getInstance(props));
    message.setFrom(new InternetAddress(from));
    message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
    message.setSubject(subject);
    message.setText("Sent by the mail journey test.");
    Transport.send(message);
  }

  /** STARTTLS, trusting the mail stack's self-signed certificate on this machine. */
  private static Properties tls(String protocol) {
    Properties props = new Properties();
    props.put("mail." + protocol + ".starttls.enable", "true");
    props.put("mail." + protocol + ".ssl.trust", "127.0.0.1");
    props.put("mail." + protocol + ".connectiontimeout", "10000");
    props.put("mail." + protocol + ".timeout", "10000");
    return props;
  }
}
