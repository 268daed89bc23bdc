package io.berth.activities.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import org.junit.jupiter.api.Test;

class PemKeysTest {

  @Test
  void aStoredKey_readsBackAsTheSameKeyPair() throws Exception {
    KeyPair original = PemKeys.generate();

    String pem = PemKeys.toPem(original);
    KeyPair read = PemKeys.fromPem(pem);

    assertThat(pem)
        .startsWith("-----BEGIN PRIVATE KEY-----\n")
        .endsWith("-----END PRIVATE KEY-----\n");
    assertThat(read.getPrivate().getEncoded()).isEqualTo(original.getPrivate().getEncoded());
    assertThat(read.getPublic().getEncoded()).isEqualTo(original.getPublic().getEncoded());
    byte[] data = "csr".getBytes(StandardCharsets.US_ASCII);
    Signature signer = Signature.getInstance("SHA256withECDSA");
    signer.initSign(read.getPrivate());
    signer.update(data);
    byte[] signature = signer.sign();
    Signature verifier = Signature.getInstance("SHA256withECDSA");
    verifier.initVerify(original.getPublic());
    verifier.update(data);
    assertThat(verifier.verify(signature)).isTrue();
  }

  @Test
  void somethingElse_isRefusedWithoutEchoingIt() {
    assertThatThrownBy(() -> PemKeys.fromPem("not a key"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("A stored key is not a PKCS#8 PEM private key");
  }
}
