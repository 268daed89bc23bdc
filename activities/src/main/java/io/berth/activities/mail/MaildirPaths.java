package io.berth.activities.mail;

import io.berth.activities.common.PermanentException;
import io.berth.activities.dns.RecordValidator;
import io.berth.workflows.common.FailureType;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Where Dovecot keeps a mailbox's mail: {@code <vmail>/<domain>/<local part>}. The path is built
 * only from a canonical host name and a plain lower-case local part, and checked to lie two levels
 * inside vmail, so no mailbox row can point a removal anywhere else.
 */
final class MaildirPaths {

  static final int MAX_LOCAL_PART = 64;

  /** RFC 5322 dot-atom in lower case, without {@code /}: no path separator, no dot segments. */
  private static final Pattern LOCAL_PART =
      Pattern.compile("[a-z0-9!#$%&'*+=?^_`{|}~-]+(?:\\.[a-z0-9!#$%&'*+=?^_`{|}~-]+)*");

  private MaildirPaths() {}

  static Path of(Path vmail, String domain, String localPart) {
    String host = RecordValidator.hostname(domain);
    if (localPart == null
        || localPart.length() > MAX_LOCAL_PART
        || !LOCAL_PART.matcher(localPart).matches()) {
      throw new PermanentException(
          FailureType.INVALID_INPUT,
          "Mailbox name '"
              + (localPart == null ? "" : localPart.replaceAll("\\p{Cntrl}", "?"))
              + "' is not a plain lower-case local part: its mail cannot be located.");
    }
    Path root = vmail.toAbsolutePath().normalize();
    Path maildir = root.resolve(host).resolve(localPart).normalize();
    if (!maildir.getParent().getParent().equals(root)) {
      throw new PermanentException(
          FailureType.INVALID_INPUT, "Maildir of " + localPart + "@" + host + " is outside vmail");
    }
    return maildir;
  }
}
