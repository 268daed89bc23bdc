package io.berth.activities.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.persistence.mail.MailPasswordHashes;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Mailbox password hashes made by Berth ({@link MailPasswordHashes}) as Dovecot checks them: with
 * the real {@code doveadm pw -t}, the same code the IMAP login runs ({@code {BLF-CRYPT}} is what
 * the mail servers' view prefixes).
 */
class MailPasswordHashesIT {

  /** Symbols, quotes, shell and SQL metacharacters, 2-, 3- and 4-byte UTF-8 characters. */
  private static final int[] SPECIAL = {
    ' ', '!', '"', '#', '$', '%', '&', '\'', '(', ')', '*', '+', ',', '-', '.', '/', ':', ';', '<',
    '=', '>', '?', '@', '[', '\\', ']', '^', '_', '`', '{', '|', '}', '~', 0xe9, 0xdf, 0xf1, 0xfc,
    0x20ac, 0x00a7, 0x0416, 0x03c0, 0x65e5, 0x672c, 0x4e2d, 0x1f600, 0x1f511, 0x1f40b
  };

  private final Random random = new Random(20261126L);

  @Test
  void hundredRandomPasswords_allVerifyWithDoveadm_andAWrongOneDoesNot() throws Exception {
    List<String> passwords = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      passwords.add(randomPassword(1 + random.nextInt(MailPasswordHashes.MAX_BYTES)));
    }
    assertThat(passwords)
        .as("the sample has long, short and non-ASCII passwords")
        .anyMatch(p -> bytes(p) >= 70)
        .anyMatch(p -> bytes(p) <= 8)
        .anyMatch(p -> p.codePoints().anyMatch(c -> c > 0xffff))
        .anyMatch(p -> bytes(p) > p.length());

    List<String> failures = new ArrayList<>();
    for (String password : passwords) {
      String hash = MailPasswordHashes.hash(password);
      assertThat(hash).startsWith("$2y$10$");
      if (!doveadmVerifies(hash, password)) {
        failures.add(escaped(password));
      }
      assertThat(doveadmVerifies(hash, wrong(password)))
          .as("a wrong password for the hash of %s", escaped(password))
          .isFalse();
    }
    assertThat(failures).as("passwords doveadm did not verify").isEmpty();
  }

  /** Runs {@code doveadm pw -t}; the password goes through stdin, byte for byte as UTF-8. */
  private static boolean doveadmVerifies(String hash, String password)
      throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(
                "sh",
                "-c",
                "exec doveadm pw -t \"$1\" -p \"$(cat)\"",
                "doveadm-pw",
                "{BLF-CRYPT}" + hash)
            .redirectErrorStream(true)
            .start();
    try (OutputStream in = process.getOutputStream()) {
      in.write(password.getBytes(StandardCharsets.UTF_8));
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    boolean verified = process.exitValue() == 0 && output.contains("(verified)");
    if (!verified) {
      assertThat(output).as("doveadm ran and compared").contains("Password mismatch");
    }
    return verified;
  }

  /** A password of at most {@code maxBytes} UTF-8 bytes, mixing letters, digits and specials. */
  private String randomPassword(int maxBytes) {
    StringBuilder password = new StringBuilder();
    while (true) {
      int c =
          switch (random.nextInt(4)) {
            case 0 -> 'a' + random.nextInt(26);
            case 1 -> 'A' + random.nextInt(26);
            case 2 -> '0' + random.nextInt(10);
            default -> SPECIAL[random.nextInt(SPECIAL.length)];
          };
      String next = password + new String(Character.toChars(c));
      if (bytes(next) > maxBytes) {
        return password.isEmpty() ? "x" : password.toString();
      }
      password.setLength(0);
      password.append(next);
    }
  }

  /** The password with its first character changed (bcrypt reads only the first 72 bytes). */
  private static String wrong(String password) {
    int first = password.codePointAt(0);
    int other = first == 'Z' ? 'Y' : 'Z';
    return new String(Character.toChars(other)) + password.substring(Character.charCount(first));
  }

  private static int bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }

  private static String escaped(String password) {
    StringBuilder out = new StringBuilder();
    password
        .codePoints()
        .forEach(
            c ->
                out.append(
                    c < 0x7f ? Character.toString(c) : "\\u{" + Integer.toHexString(c) + "}"));
    return out.toString();
  }
}
