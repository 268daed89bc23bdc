package io.berth.worker.agent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The bearer token of this worker's agent: 32 random bytes, base64url, made anew at every start.
 * The heartbeat publishes it in the host's row, where the panel reads it; it is never logged
 * ({@link #toString()} does not show it).
 */
public final class AgentToken {

  private final String value;

  private AgentToken(String value) {
    this.value = value;
  }

  /** A fresh random token. */
  public static AgentToken generate() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return new AgentToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
  }

  /** The token itself, for the host's row only. */
  public String value() {
    return value;
  }

  /** Whether {@code presented} is this token, compared in constant time. */
  public boolean matches(String presented) {
    if (presented == null) {
      return false;
    }
    return MessageDigest.isEqual(
        value.getBytes(StandardCharsets.US_ASCII), presented.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "AgentToken[redacted]";
  }
}
