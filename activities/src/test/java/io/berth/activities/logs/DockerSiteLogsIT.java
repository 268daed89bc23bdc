package io.berth.activities.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link DockerSiteLogs} against the real engine, with containers that print numbered lines. */
class DockerSiteLogsIT {

  private static LogContainers containers;
  private static DockerSiteLogs logs;

  @BeforeAll
  static void engine() {
    containers = new LogContainers();
    logs = new DockerSiteLogs(containers.docker());
  }

  @AfterAll
  static void removeContainers() throws Exception {
    containers.close();
  }

  @Test
  void givenAnAppThatPrintedNumberedLines_whenTailing_itReturnsThemInOrderWithTheirStreams()
      throws Exception {
    Instant before = Instant.now().minusSeconds(1);
    long siteId =
        containers.run(
            "for i in $(seq 1 500); do echo \"line $i\"; done; echo 'something failed' >&2;"
                + " sleep 600");
    List<LogLine> all = awaitLines(siteId, 501);

    // Docker copies stdout and stderr separately: the order within a stream is kept, not across.
    List<LogLine> stdout = all.stream().filter(l -> l.stream().equals(LogLine.STDOUT)).toList();
    assertThat(stdout)
        .extracting(LogLine::line)
        .containsExactlyElementsOf(
            IntStream.rangeClosed(1, 500).mapToObj(i -> "line " + i).toList());
    assertThat(stdout).extracting(LogLine::at).isSorted();
    assertThat(all)
        .filteredOn(l -> l.stream().equals(LogLine.STDERR))
        .extracting(LogLine::line)
        .containsExactly("something failed");
    assertThat(all)
        .allSatisfy(line -> assertThat(line.at()).isAfter(before).isBefore(Instant.now()));
  }

  @Test
  void givenALongLog_whenTailingFewLines_itReturnsTheLastOnes() throws Exception {
    long siteId = containers.run("for i in $(seq 1 500); do echo \"line $i\"; done; sleep 600");
    awaitLines(siteId, 500);

    List<LogLine> last = logs.tail(siteId, 10);

    assertThat(last)
        .extracting(LogLine::line)
        .containsExactlyElementsOf(
            IntStream.rangeClosed(491, 500).mapToObj(i -> "line " + i).toList());
  }

  @Test
  void givenAFollowedLog_whenTheAppPrintsMore_itDeliversEveryLineOnceAndInOrder() throws Exception {
    long siteId =
        containers.run(
            "for i in $(seq 1 200); do echo \"line $i\"; done;"
                + " while [ ! -e /tmp/go ]; do sleep 0.05; done;"
                + " for i in $(seq 201 3000); do echo \"line $i\"; done; sleep 600");
    awaitLines(siteId, 200);
    LinkedBlockingQueue<LogLine> received = new LinkedBlockingQueue<>();

    try (LogFollow follow = logs.follow(siteId, 10_000, received::add)) {
      List<String> lines = new ArrayList<>();
      lines.addAll(take(received, 200));
      assertThat(lines).last().isEqualTo("line 200");
      containers.exec(siteId, "touch /tmp/go");
      lines.addAll(take(received, 2800));

      assertThat(lines)
          .containsExactlyElementsOf(
              IntStream.rangeClosed(1, 3000).mapToObj(i -> "line " + i).toList());
      assertThat(follow.awaitEnd(Duration.ZERO)).as("still following").isFalse();
    }
  }

  @Test
  void givenALineLongerThan16KiB_whenTailing_itIsCutAt16KiB() throws Exception {
    long siteId =
        containers.run("head -c 40000 /dev/zero | tr '\\0' x; echo; echo short; sleep 600");
    List<LogLine> lines = awaitLines(siteId, 2);

    assertThat(lines.get(0).line()).hasSize(LogLine.MAX_BYTES).matches("x+");
    assertThat(lines.get(1).line()).isEqualTo("short");
  }

  @Test
  void givenASiteWithoutAContainer_whenReadingItsLog_itSaysTheSiteIsNotOnThisHost() {
    long siteId = containers.freeSiteId();

    assertThat(logs.hasSite(siteId)).isFalse();
    assertThatThrownBy(() -> logs.tail(siteId, 10)).isInstanceOf(SiteNotOnHostException.class);
    assertThatThrownBy(() -> logs.follow(siteId, 10, line -> {}))
        .isInstanceOf(SiteNotOnHostException.class);
  }

  @Test
  void givenAFollowedLog_whenClosed_itEnds() throws Exception {
    long siteId = containers.run("echo ready; sleep 600");
    awaitLines(siteId, 1);
    LogFollow follow = logs.follow(siteId, 10, line -> {});

    follow.close();

    assertThat(follow.awaitEnd(Duration.ofSeconds(30))).isTrue();
  }

  private static List<String> take(LinkedBlockingQueue<LogLine> queue, int count)
      throws InterruptedException {
    List<String> lines = new ArrayList<>();
    while (lines.size() < count) {
      LogLine line = queue.poll(30, TimeUnit.SECONDS);
      assertThat(line).as("line %d of %d", lines.size() + 1, count).isNotNull();
      lines.add(line.line());
    }
    return lines;
  }

  /** The whole log once it has at least {@code count} lines. */
  private static List<LogLine> awaitLines(long siteId, int count) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(30);
    List<LogLine> lines = logs.tail(siteId, 10_000);
    while (lines.size() < count && Instant.now().isBefore(deadline)) {
      Thread.sleep(50);
      lines = logs.tail(siteId, 10_000);
    }
    assertThat(lines).as("log of site %d", siteId).hasSizeGreaterThanOrEqualTo(count);
    return lines;
  }
}
