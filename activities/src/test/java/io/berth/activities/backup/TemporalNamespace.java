package io.berth.activities.backup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * An own namespace on the Temporal dev server (127.0.0.1:7233) with Berth's search attributes, made
 * with the {@code temporal} CLI as {@code infra/scripts/services.sh} does, so a test worker on
 * {@code berth-control} never meets another suite's workflows.
 */
final class TemporalNamespace {

  static final String ADDRESS = "127.0.0.1:7233";

  private TemporalNamespace() {}

  static void ensure(String namespace) {
    if (run("operator", "namespace", "describe", "-n", namespace).exitCode() != 0) {
      run("operator", "namespace", "create", "-n", namespace);
    }
    Eventually.until(
        "search attributes registered in " + namespace,
        Duration.ofMinutes(1),
        () -> {
          String have = run("operator", "search-attribute", "list", "-n", namespace).output();
          boolean all = true;
          for (String name : List.of("BerthSiteId", "BerthCustomerId", "BerthStep")) {
            if (!have.contains(name)) {
              all = false;
              run(
                  "operator",
                  "search-attribute",
                  "create",
                  "-n",
                  namespace,
                  "--name",
                  name,
                  "--type",
                  "Keyword");
            }
          }
          return all;
        });
  }

  record Result(int exitCode, String output) {}

  /** Runs the CLI against the dev server; its output and exit code. */
  static Result run(String... args) {
    List<String> command = new ArrayList<>();
    command.add(binary());
    command.addAll(List.of(args));
    command.add("--address");
    command.add(ADDRESS);
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return new Result(process.waitFor(), output);
    } catch (IOException e) {
      throw new IllegalStateException("Could not run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String binary() {
    Path repo = Path.of("").toAbsolutePath().getParent();
    return Stream.of(
            System.getenv("BERTH_HOME") == null
                ? null
                : Path.of(System.getenv("BERTH_HOME"), "bin", "temporal"),
            repo.resolve(".berth/bin/temporal"),
            Path.of("/usr/local/bin/temporal"),
            Path.of("/usr/bin/temporal"),
            Path.of(System.getProperty("user.home"), "go", "bin", "temporal"))
        .filter(p -> p != null && Files.isExecutable(p))
        .findFirst()
        .map(Path::toString)
        .orElseThrow(() -> new IllegalStateException("No temporal CLI: run services.sh install"));
  }
}
