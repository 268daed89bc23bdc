package io.berth.panel.payment;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Stripe event payloads kept under {@code src/test/resources/stripe/}, in Stripe's own shapes. */
final class StripeFixtures {

  static final ObjectMapper JSON = new ObjectMapper();

  private StripeFixtures() {}

  static String payload(String name) {
    try (InputStream in = StripeFixtures.class.getResourceAsStream("/stripe/" + name + ".json")) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static StripeEvent event(String name) {
    return StripeEvent.parse(payload(name), JSON);
  }
}
