package io.berth.activities.mail;

/**
 * Port to the mail servers on this machine (Postfix, Dovecot, OpenDKIM): the files Berth keeps for
 * them and the reloads that make them read those files. Names are validated before anything is
 * written; a bad one throws {@link io.berth.activities.common.PermanentException} of type {@code
 * INVALID_INPUT}. Every call is idempotent.
 */
public interface MailServer {

  /**
   * Makes the signer sign mail from {@code domain} with the key: its key file and its lines in the
   * key and signing tables (other domains' lines untouched). Takes effect on {@link
   * #reloadSigner()}.
   */
  void installDkimKey(String domain, String selector, String privateKeyPem);

  /** Removes the domain's key file and table lines; nothing to remove is fine. */
  void removeDkimKey(String domain);

  /** Tells the signer to read its tables and keys again. */
  void reloadSigner();

  /** Reloads Postfix, so no process keeps a cached answer about a domain. */
  void reloadPostfix();

  /** Removes the stored mail of {@code localPart@domain}; a missing Maildir is fine. */
  void removeMaildir(String domain, String localPart);
}
