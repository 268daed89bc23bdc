package io.berth.activities.docker;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The environment variables of a site's container as rendered on the host: they may carry
 * credentials, so {@link #toString()} shows the names only and {@link #digest()} is what goes into
 * the container's spec hash, never the values.
 */
public final class ContainerEnvironment {

  public static final ContainerEnvironment NONE = new ContainerEnvironment(new TreeMap<>());

  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final SortedMap<String, String> variables;

  private ContainerEnvironment(SortedMap<String, String> variables) {
    this.variables = Collections.unmodifiableSortedMap(variables);
  }

  /**
   * @throws IllegalArgumentException for a bad name or a value with a NUL character (the message
   *     never contains a value)
   */
  public static ContainerEnvironment of(Map<String, String> variables) {
    var sorted = new TreeMap<String, String>();
    variables.forEach(
        (name, value) -> {
          if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Bad environment variable name: " + name);
          }
          if (value == null || value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("Environment variable " + name + " has a bad value");
          }
          sorted.put(name, value);
        });
    return sorted.isEmpty() ? NONE : new ContainerEnvironment(sorted);
  }

  public boolean isEmpty() {
    return variables.isEmpty();
  }

  public Set<String> names() {
    return variables.keySet();
  }

  /** {@code NAME=value} entries for the engine, sorted by name. */
  List<String> entries() {
    return variables.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
  }

  /**
   * SHA-256 over the sorted entries: changes whenever a value does (a new password, a database
   * linked). The values hashed are generated secrets of 144 bits or more, so the digest gives none
   * of them away.
   */
  public String digest() {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      for (Map.Entry<String, String> entry : variables.entrySet()) {
        sha256.update(entry.getKey().getBytes(StandardCharsets.UTF_8));
        sha256.update((byte) '=');
        sha256.update(entry.getValue().getBytes(StandardCharsets.UTF_8));
        sha256.update((byte) 0);
      }
      return HexFormat.of().formatHex(sha256.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ContainerEnvironment that && variables.equals(that.variables);
  }

  @Override
  public int hashCode() {
    return variables.hashCode();
  }

  @Override
  public String toString() {
    return "ContainerEnvironment" + variables.keySet();
  }
}
