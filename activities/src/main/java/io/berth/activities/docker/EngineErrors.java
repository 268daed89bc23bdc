package io.berth.activities.docker;

import com.github.dockerjava.api.exception.DockerException;
import io.berth.activities.common.PermanentException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns what docker-java throws into exceptions whose messages a customer or operator can read. */
final class EngineErrors {

  private static final Pattern JSON_MESSAGE =
      Pattern.compile("\"message\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final Pattern STATUS_PREFIX = Pattern.compile("^Status \\d+:\\s*");
  private static final Pattern CONNECT_FAILED = Pattern.compile("(?i)connect to \\S+ failed: (.+)");
  private static final int MAX_REASON = 300;

  private final String endpoint;

  EngineErrors(String endpoint) {
    this.endpoint = endpoint;
  }

  /**
   * The exception to throw instead of {@code e}, raised while trying to {@code action} (e.g.
   * "create container berth-site-7").
   */
  RuntimeException translate(String action, RuntimeException e) {
    if (e instanceof PermanentException || e instanceof DockerEngineException) {
      return e;
    }
    if (e instanceof DockerException docker) {
      return new DockerEngineException(
          "Docker engine could not " + action + ": " + reason(docker), e);
    }
    IOException io = ioCause(e);
    if (io != null && io.getClass().getSimpleName().equals("ConnectTimeoutException")) {
      return new EngineUnreachableException(
          "Docker engine unreachable at " + endpoint + ": connection timed out", e);
    }
    if (io instanceof InterruptedIOException) {
      return new EngineUnreachableException(
          "Docker engine at "
              + endpoint
              + " did not answer in time (while trying to "
              + action
              + ")",
          e);
    }
    if (io != null) {
      return new EngineUnreachableException(
          "Docker engine unreachable at " + endpoint + ": " + describe(io), e);
    }
    String detail = e.getMessage() == null ? e.getClass().getSimpleName() : shorten(e.getMessage());
    return new DockerEngineException(
        "Docker engine call failed while trying to " + action + ": " + detail, e);
  }

  /** The engine's own explanation from an error answer, without the HTTP wrapping. */
  static String reason(DockerException e) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    Matcher json = JSON_MESSAGE.matcher(message);
    if (json.find()) {
      return shorten(json.group(1).replace("\\\"", "\"").replace("\\\\", "\\"));
    }
    String bare = STATUS_PREFIX.matcher(message).replaceFirst("").trim();
    return bare.isEmpty() ? "HTTP status " + e.getHttpStatus() : shorten(bare);
  }

  private static IOException ioCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof IOException io) {
        return io;
      }
    }
    return null;
  }

  private static String describe(IOException io) {
    String message = io.getMessage();
    if (message == null || message.isBlank()) {
      return io.getClass().getSimpleName();
    }
    // httpclient5: "Connect to http://127.0.0.1:2375 failed: Connection refused"; the endpoint is
    // in our own message already.
    Matcher failed = CONNECT_FAILED.matcher(message.trim());
    message = failed.matches() ? failed.group(1) : message.trim();
    // "Connection refused" -> "connection refused", but keep "EOF" or a path as it is.
    if (message.length() > 1
        && Character.isUpperCase(message.charAt(0))
        && Character.isLowerCase(message.charAt(1))) {
      message = message.substring(0, 1).toLowerCase(Locale.ROOT) + message.substring(1);
    }
    return shorten(message);
  }

  private static String shorten(String text) {
    String oneLine = text.replaceAll("\\s+", " ").trim();
    return oneLine.length() <= MAX_REASON ? oneLine : oneLine.substring(0, MAX_REASON) + "…";
  }
}
