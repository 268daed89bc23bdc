package io.berth.panel.payment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.berth.panel.common.InvalidInputException;
import java.time.Instant;

/**
 * One webhook event as Berth reads it: its id (the dedup key), type, creation time at Stripe, the
 * object it is about and, for {@code *.updated} events, the previous values of what changed.
 */
record StripeEvent(
    String id, String type, Instant created, StripeObject object, StripeObject previous) {

  /** As long as {@code payment_event}'s columns. */
  static final int MAX_ID_LENGTH = 100;

  static final String NOT_AN_EVENT =
      "The body is not a Stripe event (an object with id, type, created and data.object).";

  /** Reads a verified payload; only the fields Berth needs, whatever the API version. */
  static StripeEvent parse(String payload, ObjectMapper json) {
    JsonNode root;
    try {
      root = json.readTree(payload);
    } catch (JsonProcessingException notJson) {
      throw InvalidInputException.of("body", NOT_AN_EVENT);
    }
    if (root == null || !root.isObject()) {
      throw InvalidInputException.of("body", NOT_AN_EVENT);
    }
    StripeObject event = new StripeObject(root);
    StripeObject data = event.at("data");
    StripeObject object = data.at("object");
    if (!fits(event.id())
        || !fits(event.text("type"))
        || event.instant("created") == null
        || object == StripeObject.EMPTY) {
      throw InvalidInputException.of("body", NOT_AN_EVENT);
    }
    return new StripeEvent(
        event.id(),
        event.text("type"),
        event.instant("created"),
        object,
        data.at("previous_attributes"));
  }

  private static boolean fits(String value) {
    return value != null && value.length() <= MAX_ID_LENGTH;
  }

  /** What the workflows compare to order status events: Stripe's creation time. */
  long occurredAtMillis() {
    return created.toEpochMilli();
  }

  /** The id of the object the event is about (an upcoming invoice has none). */
  String objectId() {
    String id = object.id();
    return id != null && id.length() <= MAX_ID_LENGTH ? id : null;
  }
}
