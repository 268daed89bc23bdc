package io.berth.panel.payment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.time.Instant;

/**
 * A Stripe object from a verified event, read by the few fields Berth needs and nothing else:
 * Stripe sends the account's API version, so fields are looked up by path and an absent field is
 * null rather than an error.
 */
record StripeObject(JsonNode node) {

  static final StripeObject EMPTY = new StripeObject(MissingNode.getInstance());

  String id() {
    return text("id");
  }

  /** The object (or list entry, by index) at the path; {@link #EMPTY} if there is none. */
  StripeObject at(Object... path) {
    JsonNode current = node;
    for (Object step : path) {
      current = step instanceof Integer index ? current.path(index) : current.path((String) step);
    }
    return current.isObject() ? new StripeObject(current) : EMPTY;
  }

  /** The first entry of the list object at the path ({@code <path>.data[0]}). */
  StripeObject firstOf(String... path) {
    return at((Object[]) path).at("data", 0);
  }

  boolean has(String field) {
    JsonNode value = node.path(field);
    return !value.isMissingNode() && !value.isNull();
  }

  String text(String field) {
    JsonNode value = node.path(field);
    if (value.isTextual() || value.isNumber()) {
      String text = value.asText();
      return text.isBlank() ? null : text;
    }
    return null;
  }

  Long number(String field) {
    JsonNode value = node.path(field);
    return value.isIntegralNumber() ? value.asLong() : null;
  }

  long numberOr(String field, long absent) {
    Long value = number(field);
    return value != null ? value : absent;
  }

  /** A Unix timestamp field (seconds), as Stripe sends times. */
  Instant instant(String field) {
    Long seconds = number(field);
    return seconds != null ? Instant.ofEpochSecond(seconds) : null;
  }

  Boolean flag(String field) {
    JsonNode value = node.path(field);
    return value.isBoolean() ? value.asBoolean() : null;
  }

  /** The id of an expandable field: Stripe sends either the id or the whole object. */
  String ref(String field) {
    JsonNode value = node.path(field);
    if (value.isTextual()) {
      return value.asText().isBlank() ? null : value.asText();
    }
    return value.isObject() ? new StripeObject(value).id() : null;
  }

  /** A Berth id Berth put into this object's {@code metadata}; null if absent or not a number. */
  Long berthId(String key) {
    String value = at("metadata").text(key);
    if (value == null) {
      return null;
    }
    try {
      long id = Long.parseLong(value.trim());
      return id > 0 ? id : null;
    } catch (NumberFormatException notAnId) {
      return null;
    }
  }
}
