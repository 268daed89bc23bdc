package io.berth.activities.billing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The {@code billing_notice.notice_key} of a notice's key: itself, or its digest when too long. */
final class NoticeKeys {

  /** Width of {@code billing_notice.notice_key}. */
  static final int MAX = 200;

  private NoticeKeys() {}

  static String of(String key) {
    if (key == null || key.isBlank()) {
      throw new IllegalArgumentException("a billing notice needs a key");
    }
    if (key.length() <= MAX) {
      return key;
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
