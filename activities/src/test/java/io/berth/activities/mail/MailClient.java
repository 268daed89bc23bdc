package io.berth.activities.mail;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Predicate;

/**
 * A mail user's client (Angus Mail): IMAP on 1143 and submission on 2587, both with STARTTLS
 * required and the servers' self-signed certificate trusted; plain SMTP on 2525 as another mail
 * server on the internet would speak it.
 */
public final class MailClient {

  static final String HOST = "127.0.0.1";
  static final int SMTP = 2525;
  static final int SUBMISSION = 2587;
  static final int IMAP = 1143;

  private MailClient() {}

  /** An IMAP session logged in as the user; close it after use. */
  static Store imap(String user, String password) throws MessagingException {
    Properties p = new Properties();
    p.put("mail.imap.host", HOST);
    p.put("mail.imap.port", String.valueOf(IMAP));
    p.put("mail.imap.starttls.enable", "true");
    p.put("mail.imap.starttls.required", "true");
    p.put("mail.imap.ssl.trust", "*");
    p.put("mail.imap.connectiontimeout", "10000");
    p.put("mail.imap.timeout", "20000");
    Store store = Session.getInstance(p).getStore("imap");
    store.connect(HOST, IMAP, user, password);
    return store;
  }

  /** Sends through authenticated submission (STARTTLS, then AUTH), envelope from {@code from}. */
  static void submit(String user, String password, String from, MimeMessage message)
      throws MessagingException {
    Properties p = smtp(SUBMISSION, true);
    p.put("mail.smtp.auth", "true");
    p.put("mail.smtp.from", from);
    send(p, message, user, password);
  }

  /** Sends without authentication, as a server on the internet would (STARTTLS if offered). */
  static void relay(int port, String from, MimeMessage message) throws MessagingException {
    Properties p = smtp(port, port == SUBMISSION);
    p.put("mail.smtp.from", from);
    send(p, message, null, null);
  }

  static MimeMessage message(String from, String to, String subject, String body)
      throws MessagingException {
    MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
    message.setFrom(new InternetAddress(from));
    message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to));
    message.setSubject(subject);
    message.setSentDate(new Date());
    message.setText(body, "UTF-8");
    return message;
  }

  /**
   * Waits for a message with the subject in the user's INBOX, on one IMAP session that selects the
   * INBOX again each round; the raw bytes as IMAP serves them, or empty after {@code patience}.
   */
  public static Optional<byte[]> awaitMessage(
      String user, String password, String subject, Duration patience) throws Exception {
    return awaitMessage(user, password, subject::equals, patience);
  }

  /**
   * As {@link #awaitMessage(String, String, String, Duration)}, for the first subject that fits.
   */
  static Optional<byte[]> awaitMessage(
      String user, String password, Predicate<String> subject, Duration patience) throws Exception {
    long deadline = System.nanoTime() + patience.toNanos();
    try (Store store = imap(user, password)) {
      Folder inbox = store.getFolder("INBOX");
      do {
        inbox.open(Folder.READ_ONLY);
        try {
          for (Message m : inbox.getMessages()) {
            if (m.getSubject() != null && subject.test(m.getSubject())) {
              return Optional.of(raw(m));
            }
          }
        } finally {
          inbox.close(false);
        }
        Thread.sleep(20);
      } while (System.nanoTime() < deadline);
    }
    return Optional.empty();
  }

  /** The raw message with the subject in the INBOX, if there is one. */
  static Optional<byte[]> find(String user, String password, String subject) throws Exception {
    return awaitMessage(user, password, subject, Duration.ZERO);
  }

  /** Every message in the user's INBOX, raw. */
  public static List<byte[]> inbox(String user, String password) throws Exception {
    try (Store store = imap(user, password)) {
      Folder inbox = store.getFolder("INBOX");
      inbox.open(Folder.READ_ONLY);
      try {
        List<byte[]> out = new ArrayList<>();
        for (Message m : inbox.getMessages()) {
          out.add(raw(m));
        }
        return out;
      } finally {
        inbox.close(false);
      }
    }
  }

  /** The whole refusal a server gave, with the nested reasons (SMTP codes and texts). */
  static String refusal(Throwable e) {
    StringBuilder out = new StringBuilder();
    for (Throwable t = e; t != null; ) {
      out.append(t.getMessage()).append(" | ");
      Throwable next =
          t instanceof MessagingException m && m.getNextException() != null
              ? m.getNextException()
              : t.getCause();
      t = next == t ? null : next;
    }
    return out.toString();
  }

  private static byte[] raw(Message message) throws MessagingException, IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    message.writeTo(out);
    return out.toByteArray();
  }

  private static Properties smtp(int port, boolean tlsRequired) {
    Properties p = new Properties();
    p.put("mail.smtp.host", HOST);
    p.put("mail.smtp.port", String.valueOf(port));
    p.put("mail.smtp.localhost", "client.berth.test");
    p.put("mail.smtp.starttls.enable", "true");
    p.put("mail.smtp.starttls.required", String.valueOf(tlsRequired));
    p.put("mail.smtp.ssl.trust", "*");
    p.put("mail.smtp.connectiontimeout", "10000");
    p.put("mail.smtp.timeout", "20000");
    return p;
  }

  private static void send(Properties p, MimeMessage message, String user, String password)
      throws MessagingException {
    Session session = Session.getInstance(p);
    MimeMessage copy = new MimeMessage(session, toStream(message));
    try (Transport transport = session.getTransport("smtp")) {
      if (user != null) {
        transport.connect(HOST, Integer.parseInt(p.getProperty("mail.smtp.port")), user, password);
      } else {
        transport.connect();
      }
      transport.sendMessage(copy, copy.getAllRecipients());
    }
  }

  private static InputStream toStream(MimeMessage message) throws MessagingException {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      message.writeTo(out);
      return new ByteArrayInputStream(out.toByteArray());
    } catch (IOException e) {
      throw new MessagingException("cannot copy the message", e);
    }
  }
}
