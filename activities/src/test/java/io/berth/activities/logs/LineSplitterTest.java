package io.berth.activities.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineSplitterTest {

  private final List<String> lines = new ArrayList<>();
  private final LineSplitter.Handler collect =
      (bytes, length) -> lines.add(new String(bytes, 0, length, StandardCharsets.UTF_8));

  @Test
  void givenLinesSplitAcrossChunks_whenFed_itHandsOverWholeLinesWithoutNewlines() throws Exception {
    LineSplitter splitter = new LineSplitter(100);

    feed(splitter, "one\ntw");
    feed(splitter, "o\r\nthree");
    assertThat(lines).containsExactly("one", "two");
    splitter.finish(collect);

    assertThat(lines).containsExactly("one", "two", "three");
  }

  @Test
  void givenALineLongerThanTheCapacity_whenFed_itKeepsOnlyItsStart() throws Exception {
    LineSplitter splitter = new LineSplitter(4);

    feed(splitter, "abcdefgh\nij\n");

    assertThat(lines).containsExactly("abcd", "ij");
  }

  @Test
  void givenUtf8CutInTheMiddleOfACharacter_whenDecoded_itStopsBeforeThatCharacter() {
    byte[] bytes = "aé".getBytes(StandardCharsets.UTF_8);

    assertThat(LineSplitter.decode(bytes, 0, bytes.length, 2)).isEqualTo("a");
    assertThat(LineSplitter.decode(bytes, 0, bytes.length, 3)).isEqualTo("aé");
  }

  @Test
  void givenAnAccessLine_whenItsTimeIsRead_itIsTheRequestTime() {
    String line =
        "127.0.0.1 - - [27/Nov/2026:05:00:01 +0100] \"GET / HTTP/1.1\" 200 5 \"-\" \"curl/7.88\"";

    assertThat(AccessLogTimes.requestTime(line))
        .hasValueSatisfying(at -> assertThat(at).hasToString("2026-11-27T04:00:01Z"));
    assertThat(AccessLogTimes.requestTime("no time here")).isEmpty();
  }

  private void feed(LineSplitter splitter, String text) throws Exception {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    splitter.feed(bytes, 0, bytes.length, collect);
  }
}
