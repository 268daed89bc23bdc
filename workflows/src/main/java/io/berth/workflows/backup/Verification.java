package io.berth.workflows.backup;

/**
 * What restoring a backup to a scratch container showed.
 *
 * @param ok true when every checksum matched and the restored files and tables are what the backup
 *     recorded
 * @param problem what did not match, as a person reads it; null when {@code ok}
 */
public record Verification(boolean ok, String problem) {

  public static Verification passed() {
    return new Verification(true, null);
  }

  public static Verification failed(String problem) {
    return new Verification(false, problem);
  }
}
