package io.berth.panel.mail;

/**
 * What a mail client needs to read and send a mailbox's mail: IMAP to read, SMTP submission to send
 * (both STARTTLS; submission wants authentication), and the full address as the user name.
 */
record ClientSettings(
    String imapHost,
    int imapPort,
    String imapSecurity,
    String smtpHost,
    int smtpPort,
    String smtpSecurity,
    boolean smtpAuthentication,
    String username) {

  static final String STARTTLS = "STARTTLS";

  static ClientSettings of(MailProperties properties, String address) {
    return new ClientSettings(
        properties.clientHost(),
        properties.imapPort(),
        STARTTLS,
        properties.clientHost(),
        properties.submissionPort(),
        STARTTLS,
        true,
        address);
  }
}
