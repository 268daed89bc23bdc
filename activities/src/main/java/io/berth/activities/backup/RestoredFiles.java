package io.berth.activities.backup;

import java.io.InputStream;
import java.util.Optional;

/**
 * A restore's files inside the target site's volume. The archive is extracted into {@code
 * .berth-restore-<restoreId>/} at the volume's root while the site keeps serving; the swap moves
 * the live top-level entries into {@code .berth-pre-restore-<restoreId>/} and the staged ones into
 * place. Every move is a rename within the volume, and the state file {@code
 * .berth-restore-<restoreId>.state} records how far the swap got (and whether the site's container
 * was running before it), so a swap, a rollback or a finish killed half-way converges when run
 * again. The volume's root directory itself keeps its owner and mode: it is the site's mount point,
 * set up with the site, and the files the site serves must stay readable by its user. The scripts
 * run in a helper container ({@link HelperContainers#runScript}).
 */
public class RestoredFiles {

  /** Shared by every script: $1 is the restore id. */
  private static final String PRELUDE =
      """
      set -eu
      cd /data
      staged=".berth-restore-$1"; aside=".berth-pre-restore-$1"; state=".berth-restore-$1.state"
      has() { [ -f "$state" ] && grep -qx "$1" "$state"; }
      mark() { echo "$1" >> "$state"; }
      present() { [ -e "$1" ] || [ -L "$1" ]; }
      berth() { case "${1##*/}" in .berth-restore-*|.berth-pre-restore-*) return 0;; esac; return 1; }
      """;

  private static final String RECORD_RUNNING =
      PRELUDE
          + """
          [ -f "$state" ] || echo "running=$2" > "$state"
          cat "$state"
          """;

  private static final String SWAP =
      PRELUDE
          + """
          has files-swapped && exit 0
          if ! has aside-done; then
            [ -d "$staged" ] || { echo "Restore $1 has no staged files: stage the restore first" >&2; exit 3; }
            mkdir -p "$aside"; chmod 700 "$aside"
            for e in * .[!.]* ..?*; do
              present "$e" || continue; berth "$e" && continue
              mv -- "$e" "$aside/"
            done
            mark aside-done
          fi
          if [ -d "$staged" ]; then
            for e in "$staged"/* "$staged"/.[!.]* "$staged"/..?*; do
              present "$e" || continue
              mv -- "$e" ./
            done
            rmdir -- "$staged"
          fi
          mark files-swapped
          """;

  private static final String ROLLBACK =
      PRELUDE
          + """
          if has aside-done; then
            for e in * .[!.]* ..?*; do
              present "$e" || continue; berth "$e" && continue
              rm -rf -- "$e"
            done
            grep -vx -e aside-done -e files-swapped "$state" > "$state.tmp" || true
            mv -- "$state.tmp" "$state"
          fi
          if [ -d "$aside" ]; then
            for e in "$aside"/* "$aside"/.[!.]* "$aside"/..?*; do
              present "$e" || continue
              mv -- "$e" ./
            done
            rmdir -- "$aside"
          fi
          rm -rf -- "$staged"
          [ -f "$state" ] && cat "$state" || true
          """;

  private static final String READ_STATE =
      PRELUDE + "[ -f \"$state\" ] && cat \"$state\" || true\n";

  private static final String CLEAN_UP = PRELUDE + "rm -rf -- \"$aside\" \"$staged\" \"$state\"\n";

  private static final String CLEAR_STAGED = PRELUDE + "rm -rf -- \"$staged\"\n";

  private final HelperContainers helpers;
  private final VolumeArchiver archiver;

  public RestoredFiles(HelperContainers helpers, VolumeArchiver archiver) {
    this.helpers = helpers;
    this.archiver = archiver;
  }

  static String stagingDirectory(long restoreId) {
    return ".berth-restore-" + restoreId;
  }

  static String asideDirectory(long restoreId) {
    return ".berth-pre-restore-" + restoreId;
  }

  /** Extracts the archive into the staging directory, replacing what an earlier attempt left. */
  void stage(String volume, long restoreId, InputStream filesGz, Runnable heartbeat) {
    helpers.runScript(helper(restoreId), volume, CLEAR_STAGED, Long.toString(restoreId));
    archiver.extract(volume, stagingDirectory(restoreId), helper(restoreId), filesGz, heartbeat);
  }

  /**
   * Records whether the container was running, unless an earlier attempt of the same swap did.
   *
   * @return what was recorded first
   */
  boolean recordRunning(String volume, long restoreId, boolean running) {
    String state =
        helpers.runScript(
            helper(restoreId), volume, RECORD_RUNNING, Long.toString(restoreId), "" + running);
    return state.lines().anyMatch("running=true"::equals);
  }

  /**
   * What the state file says about the container before the swap.
   *
   * @return empty when no swap was begun
   */
  Optional<Boolean> recordedRunning(String volume, long restoreId) {
    return running(
        helpers.runScript(helper(restoreId), volume, READ_STATE, Long.toString(restoreId)));
  }

  /** Moves the live files aside and the staged ones into place; no-op when done already. */
  void swap(String volume, long restoreId) {
    helpers.runScript(helper(restoreId), volume, SWAP, Long.toString(restoreId));
  }

  /**
   * Puts the files that were live before the swap back and removes the staged ones.
   *
   * @return whether the container was running before the swap; empty when no swap was begun
   */
  Optional<Boolean> rollback(String volume, long restoreId) {
    return running(
        helpers.runScript(helper(restoreId), volume, ROLLBACK, Long.toString(restoreId)));
  }

  private static Optional<Boolean> running(String state) {
    return state.lines().anyMatch(line -> line.startsWith("running="))
        ? Optional.of(state.lines().anyMatch("running=true"::equals))
        : Optional.empty();
  }

  /** Removes the files moved aside, the staging directory and the state file. */
  void cleanUp(String volume, long restoreId) {
    helpers.runScript(helper(restoreId), volume, CLEAN_UP, Long.toString(restoreId));
  }

  private static String helper(long restoreId) {
    return "berth-restore-" + restoreId;
  }
}
