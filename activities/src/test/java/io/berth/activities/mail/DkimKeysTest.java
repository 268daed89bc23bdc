package io.berth.activities.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class DkimKeysTest {

  @Test
  void aNewKey_isA2048BitRsaKeyInPkcs8Pem_whosePublicKeySignaturesVerify() throws Exception {
    String pem = DkimKeys.generatePem();

    assertThat(pem)
        .startsWith("-----BEGIN PRIVATE KEY-----\n")
        .endsWith("-----END PRIVATE KEY-----\n");
    assertThat(pem.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(64));
    PrivateKey privateKey = DkimKeys.privateKey(pem);
    PublicKey publicKey =
        KeyFactory.getInstance("RSA")
            .generatePublic(
                new X509EncodedKeySpec(Base64.getDecoder().decode(DkimKeys.publicKeyOf(pem))));
    assertThat(((RSAPublicKey) publicKey).getModulus().bitLength()).isEqualTo(2048);

    byte[] message = "From: a@example.test".getBytes(StandardCharsets.US_ASCII);
    Signature signer = Signature.getInstance("SHA256withRSA");
    signer.initSign(privateKey);
    signer.update(message);
    byte[] signature = signer.sign();
    Signature verifier = Signature.getInstance("SHA256withRSA");
    verifier.initVerify(publicKey);
    verifier.update(message);
    assertThat(verifier.verify(signature)).isTrue();
  }

  @Test
  void thePublicKeyIsTheSameEveryTimeItIsDerived_andDiffersBetweenKeys() {
    String pem = DkimKeys.generatePem();

    assertThat(DkimKeys.publicKeyOf(pem)).isEqualTo(DkimKeys.publicKeyOf(pem));
    assertThat(DkimKeys.publicKeyOf(DkimKeys.generatePem()))
        .isNotEqualTo(DkimKeys.publicKeyOf(pem));
    assertThat(DkimKeys.publicKeyOf(pem)).matches("[A-Za-z0-9+/]+=*").hasSizeBetween(390, 400);
  }

  @Test
  void somethingElse_isNotAStoredKey() {
    assertThatThrownBy(() -> DkimKeys.publicKeyOf("not a key"))
        .hasMessageContaining("not a PKCS#8 PEM");
  }
}
