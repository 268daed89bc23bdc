package io.berth.persistence.secret;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.function.Supplier;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM for one secret at a time: a random 12-byte nonce per value, a 128-bit tag, and the
 * secret's name as associated data, so a stored value only decrypts under the name it was stored
 * with. The stored form is {@code base64(nonce)|base64(ciphertext and tag)}.
 */
final class SecretCipher {

  private static final String TRANSFORMATION = "AES/GCM/NoPadding";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Supplier<SecretKey> key;

  /**
   * @param key the platform key, asked for on first use (loading it may create the key file)
   */
  SecretCipher(Supplier<SecretKey> key) {
    this.key = memoize(Objects.requireNonNull(key, "key"));
  }

  String encrypt(String name, String value) {
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance(TRANSFORMATION);
      cipher.init(Cipher.ENCRYPT_MODE, key.get(), new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(name.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(value.getBytes(StandardCharsets.UTF_8));
      Base64.Encoder base64 = Base64.getEncoder();
      return base64.encodeToString(nonce) + "|" + base64.encodeToString(sealed);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Could not encrypt secret " + name, e);
    }
  }

  /**
   * @throws SecretUnreadableException if the stored form is damaged, was altered, belongs to
   *     another name or was made with another key
   */
  String decrypt(String name, String stored) {
    int bar = stored.indexOf('|');
    if (bar < 0) {
      throw new SecretUnreadableException(name, "it is not in the form nonce|ciphertext");
    }
    byte[] nonce;
    byte[] sealed;
    try {
      nonce = Base64.getDecoder().decode(stored.substring(0, bar));
      sealed = Base64.getDecoder().decode(stored.substring(bar + 1));
    } catch (IllegalArgumentException e) {
      throw new SecretUnreadableException(name, "it is not valid base64");
    }
    if (nonce.length != NONCE_BYTES) {
      throw new SecretUnreadableException(name, "its nonce is not " + NONCE_BYTES + " bytes");
    }
    try {
      Cipher cipher = Cipher.getInstance(TRANSFORMATION);
      cipher.init(Cipher.DECRYPT_MODE, key.get(), new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(name.getBytes(StandardCharsets.UTF_8));
      return new String(cipher.doFinal(sealed), StandardCharsets.UTF_8);
    } catch (AEADBadTagException e) {
      throw new SecretUnreadableException(
          name, "it was encrypted with another key or has been altered");
    } catch (GeneralSecurityException e) {
      throw new SecretUnreadableException(name, e.getClass().getSimpleName());
    }
  }

  private static <T> Supplier<T> memoize(Supplier<T> supplier) {
    return new Supplier<>() {
      private volatile T value;

      @Override
      public T get() {
        T result = value;
        if (result == null) {
          synchronized (this) {
            result = value;
            if (result == null) {
              result = Objects.requireNonNull(supplier.get(), "key");
              value = result;
            }
          }
        }
        return result;
      }
    };
  }

  @Override
  public String toString() {
    return "SecretCipher[AES-256-GCM]";
  }
}
