package io.berth.panel.payment;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs test payloads exactly as Stripe does, written from Stripe's documentation rather than with
 * stripe-java, so the endpoint's check is tested against an independent signer: {@code
 * t=<unix>,v1=<hex HMAC-SHA256(secret, "<unix>.<payload>")>}.
 */
final class StripeSignatures {

  static final String SECRET = "whsec_berth_test_5f0c1d2e3a4b";
  static final String OTHER_SECRET = "whsec_someone_else_9a8b7c6d5e";

  private StripeSignatures() {}

  static String header(String payload, String secret, long unixSeconds) {
    return "t=" + unixSeconds + ",v1=" + hmac(secret, unixSeconds + "." + payload);
  }

  static String hmac(String secret, String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
