package io.berth.activities.backup;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Frame;
import io.berth.activities.common.PermanentException;
import io.berth.activities.docker.DockerEngineException;
import io.berth.activities.docker.DockerObjects;
import io.berth.workflows.common.FailureType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * MariaDB's own tools run inside a MariaDB container ({@code docker exec}, as the {@code mysql} OS
 * user over the server's socket, as {@code MariaDbCustomerDatabases} administers the customers'
 * servers): dumps streamed out, dumps streamed in, and the statements a backup and a restore need.
 * Used on a customer's server and on the scratch server that verification starts. No statement
 * carries a secret.
 */
public class MariaDbTools {

  private static final String OS_USER = "mysql";
  private static final Duration SQL_TIMEOUT = Duration.ofMinutes(2);
  private static final Duration STREAM_TIMEOUT = Duration.ofHours(2);

  private final DockerClient docker;
  private final DockerObjects objects;

  public MariaDbTools(DockerClient docker, String endpoint) {
    this.docker = docker;
    this.objects = new DockerObjects(docker, endpoint);
  }

  /**
   * Dumps the database ({@code mariadb-dump --single-transaction --routines --triggers}, one {@code
   * INSERT} per row) to {@code out}, left open.
   *
   * @return every table of the dump with the rows it holds, counted from the dump itself, so the
   *     counts are those of the dump's consistent snapshot
   */
  Map<String, Long> dump(String container, String database, OutputStream out, Runnable heartbeat) {
    DumpRowCounter counter = new DumpRowCounter(out);
    run(
        container,
        null,
        counter,
        heartbeat,
        "mariadb-dump",
        "--user=" + OS_USER,
        "--single-transaction",
        "--routines",
        "--triggers",
        "--skip-extended-insert",
        "--hex-blob",
        "--skip-dump-date",
        "--default-character-set=utf8mb4",
        database);
    counter.finish();
    return counter.tables();
  }

  /**
   * Loads a gzip-compressed dump of {@code gzipBytes} bytes into the database, which must exist.
   * The engine's exec API never ends a command's input, so the container reads exactly that many
   * bytes and ends the pipe itself.
   */
  void load(
      String container, String database, InputStream dumpGz, long gzipBytes, Runnable heartbeat) {
    run(
        container,
        new ProgressInput(dumpGz, null, heartbeat),
        OutputStream.nullOutputStream(),
        heartbeat,
        "bash",
        "-c",
        "set -o pipefail; head -c \"$1\" | gunzip | mariadb --user=" + OS_USER + " \"$2\"",
        "berth-load",
        Long.toString(gzipBytes),
        database);
  }

  /** Runs statements and returns what they printed, tab separated, without column names. */
  String sql(String container, String statements) {
    var out = new ByteArrayOutputStream();
    run(
        container,
        null,
        out,
        () -> {},
        "mariadb",
        "--user=" + OS_USER,
        "--batch",
        "--raw",
        "--skip-column-names",
        "--connect-timeout=5",
        "--execute=" + statements);
    return out.toString(StandardCharsets.UTF_8);
  }

  /** Whether the server answers on its socket. */
  boolean ready(String container) {
    try {
      return "1".equals(sql(container, "SELECT 1").trim());
    } catch (DockerEngineException | ConflictException e) {
      return false;
    }
  }

  boolean databaseExists(String container, String database) {
    return !sql(
            container,
            "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = "
                + literal(database))
        .isBlank();
  }

  /** The database's tables (not views), by name. */
  List<String> tables(String container, String database) {
    String listed =
        sql(
            container,
            "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = "
                + literal(database)
                + " AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME");
    return listed.lines().filter(line -> !line.isEmpty()).toList();
  }

  /** Every table of the database with its exact row count ({@code SELECT COUNT(*)}). */
  Map<String, Long> rowCounts(String container, String database) {
    List<String> tables = tables(container, database);
    Map<String, Long> counts = new LinkedHashMap<>();
    if (tables.isEmpty()) {
      return counts;
    }
    List<String> selects = new ArrayList<>();
    for (int i = 0; i < tables.size(); i++) {
      selects.add(
          "SELECT "
              + i
              + ", COUNT(*) FROM "
              + identifier(database)
              + "."
              + identifier(tables.get(i)));
    }
    for (String line : sql(container, String.join(" UNION ALL ", selects)).lines().toList()) {
      String[] columns = line.split("\t");
      counts.put(tables.get(Integer.parseInt(columns[0])), Long.parseLong(columns[1]));
    }
    return counts;
  }

  /** {@code `name`}, with backticks inside doubled. */
  static String identifier(String name) {
    return "`" + name.replace("`", "``") + "`";
  }

  /** A string literal. */
  static String literal(String value) {
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  /** Runs a command, streaming its standard output; fails unless it exits with 0. */
  private void run(
      String container,
      InputStream stdin,
      OutputStream stdout,
      Runnable heartbeat,
      String... command) {
    String action = "run " + command[0] + " in " + container;
    String execId;
    try {
      execId =
          docker
              .execCreateCmd(container)
              .withUser(OS_USER)
              .withCmd(command)
              .withAttachStdin(stdin != null)
              .withAttachStdout(true)
              .withAttachStderr(true)
              .exec()
              .getId();
    } catch (NotFoundException e) {
      throw new PermanentException(
          FailureType.NOT_FOUND, "Database server " + container + " does not exist on this host");
    } catch (ConflictException e) {
      throw new DockerEngineException(
          "Database server " + container + " is not running; will try again");
    } catch (RuntimeException e) {
      throw objects.translate(action, e);
    }
    var stderr = new ByteArrayOutputStream();
    IOException[] writeFailure = new IOException[1];
    objects.call(
        action,
        () -> {
          var start = docker.execStartCmd(execId);
          if (stdin != null) {
            start.withStdIn(stdin);
          }
          try (var callback =
              start.exec(
                  new ResultCallback.Adapter<Frame>() {
                    @Override
                    public void onNext(Frame frame) {
                      switch (frame.getStreamType()) {
                        case STDOUT, RAW -> {
                          if (writeFailure[0] == null) {
                            try {
                              stdout.write(frame.getPayload());
                            } catch (IOException e) {
                              writeFailure[0] = e;
                            }
                          }
                        }
                        case STDERR -> {
                          synchronized (stderr) {
                            if (stderr.size() < 65536) {
                              stderr.writeBytes(frame.getPayload());
                            }
                          }
                        }
                        default -> {}
                      }
                    }
                  })) {
            long deadline = System.nanoTime() + STREAM_TIMEOUT.toNanos();
            long step = Math.min(SQL_TIMEOUT.toSeconds(), 5);
            while (!callback.awaitCompletion(step, TimeUnit.SECONDS)) {
              heartbeat.run();
              if (System.nanoTime() > deadline) {
                throw new DockerEngineException(
                    command[0] + " in " + container + " did not finish in time; will try again");
              }
            }
            return null;
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DockerEngineException("Interrupted while waiting to " + action, e);
          } catch (IOException e) {
            // Closing the finished stream failed: the output is complete.
            return null;
          }
        });
    if (writeFailure[0] != null) {
      throw new DockerEngineException(
          "Writing the output of " + command[0] + " failed: " + writeFailure[0].getMessage(),
          writeFailure[0]);
    }
    Long exitCode =
        objects.call(action, () -> docker.inspectExecCmd(execId).exec().getExitCodeLong());
    if (exitCode == null || exitCode != 0) {
      String error;
      synchronized (stderr) {
        error = stderr.toString(StandardCharsets.UTF_8).replaceAll("\\s+", " ").trim();
      }
      throw new DockerEngineException(
          command[0]
              + " in "
              + container
              + " failed with exit code "
              + exitCode
              + (error.isEmpty() ? "" : ": " + shorten(error)));
    }
  }

  private static String shorten(String text) {
    return text.length() <= 500 ? text : text.substring(0, 500) + "…";
  }
}
