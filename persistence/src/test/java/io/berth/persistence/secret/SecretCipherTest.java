package io.berth.persistence.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class SecretCipherTest {

  private final SecretCipher cipher = new SecretCipher(SecretCipherTest::newKey);

  @Test
  void aValueEncryptedUnderANameDecryptsUnderThatName() {
    String stored = cipher.encrypt("database:7:password", "s3cret-Pa55_word");

    assertThat(stored).doesNotContain("s3cret").matches("[A-Za-z0-9+/=]+\\|[A-Za-z0-9+/=]+");
    assertThat(Base64.getDecoder().decode(stored.substring(0, stored.indexOf('|')))).hasSize(12);
    assertThat(cipher.decrypt("database:7:password", stored)).isEqualTo("s3cret-Pa55_word");
  }

  @Test
  void theSameValueTwiceGivesDifferentCiphertexts() {
    assertThat(cipher.encrypt("n", "same value")).isNotEqualTo(cipher.encrypt("n", "same value"));
  }

  @Test
  void anotherKeyCannotDecrypt() {
    String stored = cipher.encrypt("site:1:wp-admin", "value-1234567890");
    SecretCipher other = new SecretCipher(SecretCipherTest::newKey);

    assertThatThrownBy(() -> other.decrypt("site:1:wp-admin", stored))
        .isInstanceOf(SecretUnreadableException.class)
        .hasMessageContaining("site:1:wp-admin")
        .hasMessageContaining("another key or has been altered")
        .hasMessageNotContaining("value-1234567890");
  }

  @Test
  void anAlteredCiphertextIsRefused() {
    String stored = cipher.encrypt("n", "value-1234567890");
    int bar = stored.indexOf('|');
    byte[] sealed = Base64.getDecoder().decode(stored.substring(bar + 1));
    sealed[0] ^= 1;
    String tampered = stored.substring(0, bar + 1) + Base64.getEncoder().encodeToString(sealed);

    assertThatThrownBy(() -> cipher.decrypt("n", tampered))
        .isInstanceOf(SecretUnreadableException.class);
  }

  @Test
  void aValueMovedToAnotherNameIsRefused() {
    String stored = cipher.encrypt("database:1:password", "value-1234567890");

    assertThatThrownBy(() -> cipher.decrypt("database:2:password", stored))
        .isInstanceOf(SecretUnreadableException.class);
  }

  @Test
  void aDamagedStoredFormIsRefusedWithAReason() {
    assertThatThrownBy(() -> cipher.decrypt("n", "no-bar-here"))
        .isInstanceOf(SecretUnreadableException.class)
        .hasMessageContaining("nonce|ciphertext");
    assertThatThrownBy(() -> cipher.decrypt("n", "***|***"))
        .isInstanceOf(SecretUnreadableException.class)
        .hasMessageContaining("base64");
  }

  @Test
  void itsNameSaysNothingOfTheKey() {
    assertThat(cipher.toString()).isEqualTo("SecretCipher[AES-256-GCM]");
  }

  static SecretKey newKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return new SecretKeySpec(key, "AES");
  }
}
