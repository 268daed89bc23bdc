package io.berth.persistence.mail;

import java.nio.charset.StandardCharsets;
import org.springframework.security.crypto.bcrypt.BCrypt;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder.BCryptVersion;

/**
 * Mailbox password hashes: bcrypt {@code $2y$} with cost 10, which Dovecot verifies natively as
 * {@code BLF-CRYPT} (the mail servers' view adds the scheme prefix). bcrypt reads at most 72 bytes,
 * so longer passwords are refused rather than silently cut.
 */
public final class MailPasswordHashes {

  /** The most UTF-8 bytes bcrypt takes into account. */
  public static final int MAX_BYTES = 72;

  private static final BCryptPasswordEncoder ENCODER =
      new BCryptPasswordEncoder(BCryptVersion.$2Y, 10);

  private MailPasswordHashes() {}

  public static String hash(String password) {
    if (!fits(password)) {
      throw new IllegalArgumentException("A mail password has at most 72 bytes");
    }
    return ENCODER.encode(password);
  }

  public static boolean matches(String password, String hash) {
    return fits(password) && BCrypt.checkpw(password, hash);
  }

  public static boolean fits(String password) {
    return password != null && password.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
  }
}
