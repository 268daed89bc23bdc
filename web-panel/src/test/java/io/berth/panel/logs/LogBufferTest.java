package io.berth.panel.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LogBufferTest {

  @Test
  void givenFewerLinesThanItHolds_itKeepsThemAllInOrder() {
    LogBuffer buffer = new LogBuffer(5);

    lines(1, 3).forEach(buffer::add);

    LogBuffer.Snapshot snapshot = buffer.snapshot();
    assertThat(texts(snapshot)).containsExactly("line 1", "line 2", "line 3");
    assertThat(snapshot.received()).isEqualTo(3);
    assertThat(snapshot.skipped()).isZero();
  }

  @Test
  void givenMoreLinesThanItHolds_itKeepsTheNewestInOrderAndCountsTheOthersAsSkipped() {
    LogBuffer buffer = new LogBuffer(5);

    lines(1, 12).forEach(buffer::add);

    LogBuffer.Snapshot snapshot = buffer.snapshot();
    assertThat(texts(snapshot))
        .containsExactly("line 8", "line 9", "line 10", "line 11", "line 12");
    assertThat(snapshot.received()).isEqualTo(12);
    assertThat(snapshot.skipped()).isEqualTo(7);
  }

  @Test
  void givenAFlood_itNeverHoldsMoreThanItsCapacity() {
    LogBuffer buffer = new LogBuffer(LogBuffer.CAPACITY);

    lines(1, 100_000).forEach(buffer::add);

    LogBuffer.Snapshot snapshot = buffer.snapshot();
    assertThat(snapshot.lines()).hasSize(LogBuffer.CAPACITY);
    assertThat(snapshot.lines().get(0).line()).isEqualTo("line 98001");
    assertThat(snapshot.lines().get(LogBuffer.CAPACITY - 1).line()).isEqualTo("line 100000");
    assertThat(snapshot.skipped()).isEqualTo(100_000 - LogBuffer.CAPACITY);
  }

  @Test
  void aSnapshotStaysAsItWasWhileMoreLinesArrive() {
    LogBuffer buffer = new LogBuffer(3);
    lines(1, 3).forEach(buffer::add);

    LogBuffer.Snapshot before = buffer.snapshot();
    lines(4, 6).forEach(buffer::add);

    assertThat(texts(before)).containsExactly("line 1", "line 2", "line 3");
    assertThat(texts(buffer.snapshot())).containsExactly("line 4", "line 5", "line 6");
  }

  @Test
  void clearingForgetsTheLinesAndTheCounts() {
    LogBuffer buffer = new LogBuffer(3);
    lines(1, 10).forEach(buffer::add);

    buffer.clear();
    buffer.add(new LogLine("2026-11-27T05:00:00Z", "stdout", "fresh"));

    LogBuffer.Snapshot snapshot = buffer.snapshot();
    assertThat(texts(snapshot)).containsExactly("fresh");
    assertThat(snapshot.received()).isEqualTo(1);
    assertThat(snapshot.skipped()).isZero();
  }

  @Test
  void aBufferHoldsAtLeastOneLine() {
    assertThatThrownBy(() -> new LogBuffer(0)).isInstanceOf(IllegalArgumentException.class);
  }

  private static List<LogLine> lines(int first, int last) {
    return IntStream.rangeClosed(first, last)
        .mapToObj(n -> new LogLine("2026-11-27T05:00:00Z", "stdout", "line " + n))
        .toList();
  }

  private static List<String> texts(LogBuffer.Snapshot snapshot) {
    return snapshot.lines().stream().map(LogLine::line).toList();
  }
}
