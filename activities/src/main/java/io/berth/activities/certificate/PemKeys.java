package io.berth.activities.certificate;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import org.bouncycastle.jce.ECNamedCurveTable;

/**
 * EC P-256 key pairs as the platform stores them: the private key as PKCS#8 PEM ({@code BEGIN
 * PRIVATE KEY}), which nginx reads as it is. The public key is not stored: it is derived from the
 * private one (Q = d·G), so a stored key can never disagree with itself.
 */
final class PemKeys {

  static final String CURVE = "secp256r1";
  private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
  private static final String END = "-----END PRIVATE KEY-----";

  private PemKeys() {}

  /** A new P-256 key pair. */
  static KeyPair generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec(CURVE));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("This JVM cannot make P-256 keys", e);
    }
  }

  /** A new P-256 key pair's private key as PKCS#8 PEM. */
  static String generatePem() {
    return toPem(generate());
  }

  static String toPem(KeyPair pair) {
    String body =
        Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(pair.getPrivate().getEncoded());
    return BEGIN + "\n" + body + "\n" + END + "\n";
  }

  /** The key pair of a PEM written by {@link #toPem}. */
  static KeyPair fromPem(String pem) {
    int begin = pem.indexOf(BEGIN);
    int end = pem.indexOf(END);
    if (begin < 0 || end < begin) {
      throw new IllegalStateException("A stored key is not a PKCS#8 PEM private key");
    }
    byte[] der = Base64.getMimeDecoder().decode(pem.substring(begin + BEGIN.length(), end));
    try {
      KeyFactory factory = KeyFactory.getInstance("EC");
      ECPrivateKey key = (ECPrivateKey) factory.generatePrivate(new PKCS8EncodedKeySpec(der));
      org.bouncycastle.math.ec.ECPoint q =
          ECNamedCurveTable.getParameterSpec(CURVE).getG().multiply(key.getS()).normalize();
      ECPoint point =
          new ECPoint(
              new BigInteger(1, q.getAffineXCoord().getEncoded()),
              new BigInteger(1, q.getAffineYCoord().getEncoded()));
      return new KeyPair(factory.generatePublic(new ECPublicKeySpec(point, key.getParams())), key);
    } catch (GeneralSecurityException | ClassCastException e) {
      throw new IllegalStateException("A stored key is not a P-256 private key", e);
    }
  }
}
