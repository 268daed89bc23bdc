package io.berth.activities.billing;

import io.berth.activities.common.PermanentException;
import io.berth.workflows.common.FailureType;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Date;
import java.util.HexFormat;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;

/**
 * {@link BillingMailer} over plain SMTP with Angus Mail ({@code berth.billing.mail.*}): to the
 * local Postfix by default, or the hosting company's relay. No authentication: the server must
 * accept mail from this machine for the customers' addresses.
 */
public class SmtpBillingMailer implements BillingMailer {

  static final String SENDER_NAME = "Berth billing";

  private final BillingMailProperties mail;

  public SmtpBillingMailer(BillingMailProperties mail) {
    this.mail = mail;
  }

  @Override
  public void send(BillingMail billingMail) {
    Session session = Session.getInstance(properties());
    try {
      MimeMessage message = new KeyedMessage(session, messageId(billingMail.messageKey()));
      message.setFrom(new InternetAddress(mail.from(), SENDER_NAME, StandardCharsets.UTF_8.name()));
      message.setRecipients(
          Message.RecipientType.TO, InternetAddress.parse(billingMail.to(), true));
      message.setSubject(billingMail.subject(), StandardCharsets.UTF_8.name());
      message.setSentDate(new Date());
      message.setHeader("Auto-Submitted", "auto-generated");
      message.setText(billingMail.body(), StandardCharsets.UTF_8.name());
      Transport.send(message);
    } catch (AddressException e) {
      throw new PermanentException(
          FailureType.INVALID_INPUT,
          "The billing e-mail cannot go to " + billingMail.to() + ": not an e-mail address",
          e);
    } catch (SendFailedException e) {
      if (refusedForGood(e)) {
        throw new PermanentException(
            FailureType.INVALID_INPUT,
            "The mail server refused " + billingMail.to() + ": " + reason(e),
            e);
      }
      throw unavailable(e);
    } catch (MessagingException | UnsupportedEncodingException e) {
      throw unavailable(e);
    }
  }

  private Properties properties() {
    String timeout = Long.toString(mail.timeout().toMillis());
    Properties p = new Properties();
    p.put("mail.smtp.host", mail.smtpHost());
    p.put("mail.smtp.port", Integer.toString(mail.smtpPort()));
    p.put("mail.smtp.from", mail.from());
    p.put("mail.smtp.localhost", mail.fromDomain());
    p.put("mail.smtp.connectiontimeout", timeout);
    p.put("mail.smtp.timeout", timeout);
    p.put("mail.smtp.writetimeout", timeout);
    return p;
  }

  private BillingMailUnavailableException unavailable(Exception e) {
    return new BillingMailUnavailableException(
        "Could not send the billing e-mail through "
            + mail.smtpHost()
            + ":"
            + mail.smtpPort()
            + ": "
            + reason(e),
        e);
  }

  /** A 5xx refusal of the recipient: the same address will be refused again. */
  private static boolean refusedForGood(SendFailedException e) {
    for (Exception next = e; next != null; ) {
      if (next instanceof SMTPAddressFailedException refused && refused.getReturnCode() >= 500) {
        return true;
      }
      next = next instanceof MessagingException m ? m.getNextException() : null;
    }
    return false;
  }

  private static String reason(Exception e) {
    StringBuilder out = new StringBuilder(String.valueOf(e.getMessage()));
    Exception next = e instanceof MessagingException m ? m.getNextException() : null;
    while (next != null) {
      out.append(" / ").append(next.getMessage());
      next = next instanceof MessagingException m ? m.getNextException() : null;
    }
    return out.toString().replaceAll("\\s+", " ").trim();
  }

  /** {@code <billing.<sha-256 of the key, 32 hex>@<from domain>>}. */
  String messageId(String key) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return "<billing." + HexFormat.of().formatHex(digest, 0, 16) + "@" + mail.fromDomain() + ">";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** A message whose Message-ID is given, not made up when it is sent. */
  private static final class KeyedMessage extends MimeMessage {

    private final String messageId;

    KeyedMessage(Session session, String messageId) {
      super(session);
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", messageId);
    }
  }
}
