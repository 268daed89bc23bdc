package io.berth.persistence.secret;

/**
 * A stored secret cannot be decrypted: the platform key is not the one it was stored with, or the
 * stored value was altered. Retrying cannot help; the message names the secret, never a value.
 */
public class SecretUnreadableException extends IllegalStateException {

  public SecretUnreadableException(String name, String why) {
    super(
        "Secret "
            + name
            + " cannot be decrypted: "
            + why
            + " (are the panel and the worker using the same berth.secrets key?)");
  }
}
