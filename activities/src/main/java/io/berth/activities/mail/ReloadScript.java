package io.berth.activities.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One of the scripts services.sh writes into {@code <mail home>/bin} to reload a mail server. A
 * script that is missing, fails or hangs is a retryable failure whose message names the script and
 * ends with the tail of its output.
 */
final class ReloadScript {

  static final int TAIL_LINES = 10;
  static final int TAIL_CHARS = 800;

  private final Path script;
  private final Duration timeout;

  ReloadScript(Path script, Duration timeout) {
    this.script = script;
    this.timeout = timeout;
  }

  void run() {
    if (!Files.isExecutable(script)) {
      throw new IllegalStateException(
          script + " is missing or not executable: start the mail servers (services.sh up mail)");
    }
    Path output = null;
    try {
      output = Files.createTempFile("berth-reload", ".log");
      Process process =
          new ProcessBuilder(script.toString())
              .redirectErrorStream(true)
              .redirectOutput(output.toFile())
              .start();
      process.getOutputStream().close();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        throw new IllegalStateException(
            script + " did not finish within " + timeout + tail(output));
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException(
            script + " failed with exit code " + process.exitValue() + tail(output));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + script, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + script, e);
    } finally {
      if (output != null) {
        try {
          Files.deleteIfExists(output);
        } catch (IOException ignored) {
          // A leftover temporary file changes nothing.
        }
      }
    }
  }

  private static String tail(Path output) throws IOException {
    return tail(Files.readString(output, StandardCharsets.UTF_8));
  }

  /** The last lines of a script's output, for a failure message; empty if there was none. */
  static String tail(String text) {
    List<String> lines = text.strip().lines().toList();
    if (lines.isEmpty()) {
      return " (no output)";
    }
    String last =
        String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
    if (last.length() > TAIL_CHARS) {
      last = "\u2026" + last.substring(last.length() - TAIL_CHARS);
    }
    return ":\n" + last;
  }
}
