package io.berth.activities.mail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import org.apache.james.jdkim.DKIMVerifier;
import org.apache.james.jdkim.api.PublicKeyRecordRetriever;
import org.apache.james.jdkim.api.SignatureRecord;
import org.apache.james.jdkim.exceptions.FailException;
import org.apache.james.jdkim.exceptions.PermFailException;
import org.apache.james.jdkim.exceptions.TempFailException;

/**
 * DKIM verification as a receiving server does it (Apache James jDKIM), with the public keys looked
 * up in the local BIND: {@code <selector>._domainkey.<domain>} TXT, chunks joined.
 */
final class BindDkimKeys implements PublicKeyRecordRetriever {

  @Override
  public List<String> getRecords(
      CharSequence methodAndOptions, CharSequence selector, CharSequence token)
      throws TempFailException, PermFailException {
    if (!"dns/txt".contentEquals(methodAndOptions)) {
      throw new PermFailException("only dns/txt keys are published, not " + methodAndOptions);
    }
    try {
      return BindAnswers.txt(selector + "._domainkey." + token);
    } catch (IOException e) {
      throw new TempFailException("BIND did not answer: " + e.getMessage());
    }
  }

  /** The signatures that verify; a message without one that does throws. */
  static List<SignatureRecord> verify(byte[] rawMessage) throws IOException, FailException {
    List<SignatureRecord> valid =
        new DKIMVerifier(new BindDkimKeys()).verify(new ByteArrayInputStream(rawMessage));
    return valid == null ? List.of() : valid;
  }
}
