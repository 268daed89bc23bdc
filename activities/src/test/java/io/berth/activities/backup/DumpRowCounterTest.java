package io.berth.activities.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DumpRowCounterTest {

  @Test
  void givenDumpWithOneInsertPerRow_whenPassedThrough_itCountsRowsPerTableAndKeepsTheBytes()
      throws Exception {
    String dump =
        """
        -- MariaDB dump
        DROP TABLE IF EXISTS `orders`;
        CREATE TABLE `orders` (
          `id` int(11) NOT NULL
        );
        INSERT INTO `orders` VALUES (1);
        INSERT INTO `orders` VALUES (2);
        CREATE TABLE `we``ird` (
          `id` int(11) NOT NULL
        );
        INSERT INTO `we``ird` VALUES ('INSERT INTO `orders` VALUES (3)\\n');
        CREATE TABLE `empty` (
          `id` int(11) NOT NULL
        );
        /*!50001 CREATE TABLE `a_view` (
        INSERT INTO `orders` VALUES (4);""";
    var out = new ByteArrayOutputStream();
    var counter = new DumpRowCounter(out);
    byte[] bytes = dump.getBytes(StandardCharsets.UTF_8);
    counter.write(bytes, 0, 10);
    counter.write(bytes, 10, bytes.length - 10);
    counter.finish();

    assertThat(out.toByteArray()).isEqualTo(bytes);
    assertThat(counter.tables())
        .containsExactly(entry("orders", 3L), entry("we`ird", 1L), entry("empty", 0L));
  }
}
