package io.berth.activities.backup;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Passes a {@code mariadb-dump} made with {@code --skip-extended-insert} on unchanged while
 * counting its rows: each {@code CREATE TABLE `t` (} line names a table, each {@code INSERT INTO
 * `t` VALUES} line is one row of it (the dump escapes line breaks inside values).
 */
final class DumpRowCounter extends FilterOutputStream {

  private static final byte[] CREATE = "CREATE TABLE `".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] INSERT = "INSERT INTO `".getBytes(StandardCharsets.US_ASCII);
  private static final int PREFIX = 512;

  private final Map<String, Long> tables = new LinkedHashMap<>();
  private final byte[] line = new byte[PREFIX];
  private int length;

  DumpRowCounter(OutputStream out) {
    super(out);
  }

  @Override
  public void write(int b) throws IOException {
    out.write(b);
    see((byte) b);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    out.write(b, off, len);
    for (int i = off; i < off + len; i++) {
      see(b[i]);
    }
  }

  /** Counts the last line if the dump did not end with a line break. */
  void finish() {
    endOfLine();
  }

  Map<String, Long> tables() {
    return tables;
  }

  private void see(byte b) {
    if (b == '\n') {
      endOfLine();
    } else if (length < PREFIX) {
      line[length++] = b;
    }
  }

  private void endOfLine() {
    if (startsWith(CREATE)) {
      String table = name(CREATE.length);
      if (table != null) {
        tables.putIfAbsent(table, 0L);
      }
    } else if (startsWith(INSERT)) {
      String table = name(INSERT.length);
      if (table != null) {
        tables.merge(table, 1L, Long::sum);
      }
    }
    length = 0;
  }

  private boolean startsWith(byte[] prefix) {
    return length >= prefix.length
        && Arrays.equals(line, 0, prefix.length, prefix, 0, prefix.length);
  }

  /** The backquoted name starting at {@code from}, doubled backquotes undone. */
  private String name(int from) {
    var name = new java.io.ByteArrayOutputStream();
    for (int i = from; i < length; i++) {
      if (line[i] == '`') {
        if (i + 1 < length && line[i + 1] == '`') {
          name.write('`');
          i++;
        } else {
          return name.toString(StandardCharsets.UTF_8);
        }
      } else {
        name.write(line[i]);
      }
    }
    return null;
  }
}
