package io.berth.panel.testing;

import io.berth.panel.common.Secrets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Secrets in clear text, as the worker would have stored them. */
public class InMemorySecrets implements Secrets, Resettable {

  private final Map<String, String> values = new ConcurrentHashMap<>();

  public void put(String name, String value) {
    values.put(name, value);
  }

  public boolean has(String name) {
    return values.containsKey(name);
  }

  @Override
  public Optional<String> read(String name) {
    return Optional.ofNullable(values.get(name));
  }

  @Override
  public void delete(String name) {
    values.remove(name);
  }

  @Override
  public void reset() {
    values.clear();
  }
}
