package io.berth.activities.mail;

import io.berth.workflows.mail.MailDnsRecord;
import java.util.List;
import java.util.Locale;

/**
 * The record sets email needs on a domain, relative to its zone: MX to the platform's mail host,
 * SPF on the apex, the DKIM public key at {@code <selector>._domainkey}, DMARC at {@code _dmarc}.
 * TXT values are quoted and split into chunks of at most 255 characters.
 */
final class MailDnsRecords {

  static final String APEX = "@";
  static final String DMARC_NAME = "_dmarc";
  static final String SPF_PREFIX = "v=spf1";
  static final int MX_PREFERENCE = 10;

  private MailDnsRecords() {}

  /**
   * The four record sets, in the order they are published: MX, SPF, DKIM, DMARC.
   *
   * @param publicKey the DKIM public key, base64 SubjectPublicKeyInfo
   */
  static List<MailDnsRecord> of(MailProperties mail, String selector, String publicKey) {
    return List.of(mx(mail), spf(mail), dkim(mail, selector, publicKey), dmarc(mail));
  }

  static MailDnsRecord mx(MailProperties mail) {
    return new MailDnsRecord(
        APEX, "MX", mail.dnsTtl(), List.of(MX_PREFERENCE + " " + mail.hostname() + "."));
  }

  static MailDnsRecord spf(MailProperties mail) {
    return new MailDnsRecord(
        APEX, "TXT", mail.dnsTtl(), List.of(TxtChunks.quoted(mail.spfPolicy())));
  }

  static MailDnsRecord dkim(MailProperties mail, String selector, String publicKey) {
    return new MailDnsRecord(
        dkimName(selector), "TXT", mail.dnsTtl(), List.of(TxtChunks.quoted(dkim(publicKey))));
  }

  static MailDnsRecord dmarc(MailProperties mail) {
    return new MailDnsRecord(
        DMARC_NAME, "TXT", mail.dnsTtl(), List.of(TxtChunks.quoted(mail.dmarcPolicy())));
  }

  /** The owner of the DKIM key record, e.g. {@code berth._domainkey}. */
  static String dkimName(String selector) {
    return selector + "._domainkey";
  }

  /** The DKIM key record's text (RFC 6376 section 3.6.1). */
  static String dkim(String publicKey) {
    return "v=DKIM1; k=rsa; p=" + publicKey;
  }

  /** Whether a TXT text is an SPF record: a name holds at most one, so ours replaces any other. */
  static boolean isSpf(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    return lower.equals(SPF_PREFIX) || lower.startsWith(SPF_PREFIX + " ");
  }
}
