package io.berth.activities.mail;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

/**
 * DKIM keys as Berth keeps them: 2048-bit RSA, the private key as PKCS#8 PEM ({@code BEGIN PRIVATE
 * KEY}, which OpenDKIM reads as it is), the public key as the base64 SubjectPublicKeyInfo that goes
 * into the TXT record's {@code p=} tag. The public key is always derived from the private one, so
 * the two can never disagree.
 */
final class DkimKeys {

  static final int BITS = 2048;
  private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
  private static final String END = "-----END PRIVATE KEY-----";

  private DkimKeys() {}

  /** A new private key as PKCS#8 PEM. */
  static String generatePem() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(BITS);
      byte[] der = generator.generateKeyPair().getPrivate().getEncoded();
      String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
      return BEGIN + "\n" + body + "\n" + END + "\n";
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("This JVM cannot make RSA keys", e);
    }
  }

  /** The private key of a PEM written by {@link #generatePem}. */
  static PrivateKey privateKey(String pem) {
    int begin = pem.indexOf(BEGIN);
    int end = pem.indexOf(END);
    if (begin < 0 || end < begin) {
      throw new IllegalStateException("A stored DKIM key is not a PKCS#8 PEM private key");
    }
    byte[] der = Base64.getMimeDecoder().decode(pem.substring(begin + BEGIN.length(), end));
    try {
      return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("A stored DKIM key is not an RSA private key", e);
    }
  }

  /** The public key of the PEM's private key, base64 SubjectPublicKeyInfo ({@code p=}). */
  static String publicKeyOf(String pem) {
    if (!(privateKey(pem) instanceof RSAPrivateCrtKey key)) {
      throw new IllegalStateException("A stored DKIM key lacks its public exponent");
    }
    try {
      PublicKey publicKey =
          KeyFactory.getInstance("RSA")
              .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
      return Base64.getEncoder().encodeToString(publicKey.getEncoded());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot derive the DKIM public key", e);
    }
  }
}
