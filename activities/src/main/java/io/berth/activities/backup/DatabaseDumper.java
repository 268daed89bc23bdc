package io.berth.activities.backup;

import io.berth.activities.common.PermanentException;
import io.berth.activities.database.DatabaseNames;
import io.berth.workflows.common.FailureType;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Dumps a site's database on its customer's MariaDB server ({@code mariadb-dump} inside the
 * server's container), gzip-compressed, with its checksum and every table's row count.
 */
public class DatabaseDumper {

  private final MariaDbTools tools;

  public DatabaseDumper(MariaDbTools tools) {
    this.tools = tools;
  }

  /** What dumping wrote. */
  record DumpedDatabase(long bytes, String sha256, Map<String, Long> tables) {}

  /**
   * Writes the dump, gzip-compressed, to {@code out} (left open).
   *
   * @throws PermanentException NOT_FOUND when the customer's server has no such database
   */
  DumpedDatabase dump(long customerId, String database, OutputStream out, Runnable heartbeat) {
    DatabaseNames.requireDatabase(database);
    String container = DatabaseNames.container(customerId);
    if (!tools.databaseExists(container, database)) {
      throw new PermanentException(
          FailureType.NOT_FOUND,
          "Database " + database + " does not exist on the server of customer " + customerId);
    }
    Sha256Output counted = new Sha256Output(new KeepOpen(out));
    Map<String, Long> tables;
    try (GZIPOutputStream gzip = new GZIPOutputStream(counted, 65536)) {
      tables = tools.dump(container, database, gzip, heartbeat);
    } catch (IOException e) {
      throw new UncheckedIOException("Writing the dump of " + database + " failed", e);
    }
    return new DumpedDatabase(counted.bytes(), counted.sha256(), tables);
  }

  /** Flushes instead of closing: the caller owns the stream. */
  private static final class KeepOpen extends FilterOutputStream {

    KeepOpen(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
