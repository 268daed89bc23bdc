package io.berth.panel.common;

import io.berth.persistence.secret.SecretStore;
import io.berth.persistence.secret.SecretUnreadableException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@link Secrets} over the persistence module's {@link SecretStore} (AES-GCM in table {@code
 * secret}, auto-configured with the platform key the worker uses too).
 */
@Component
class StoredSecrets implements Secrets {

  static final String UNREADABLE =
      "A password kept for you cannot be read right now: the panel's secrets key is not the one it"
          + " was stored with. Contact support.";

  private static final Logger log = LoggerFactory.getLogger(StoredSecrets.class);

  private final SecretStore store;

  StoredSecrets(SecretStore store) {
    this.store = store;
  }

  @Override
  public Optional<String> read(String name) {
    try {
      return store.read(name);
    } catch (SecretUnreadableException e) {
      log.error("{}", e.getMessage());
      throw new ServiceUnavailableException(UNREADABLE, e);
    }
  }

  @Override
  public void delete(String name) {
    store.delete(name);
  }
}
