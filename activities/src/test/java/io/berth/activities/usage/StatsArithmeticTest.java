package io.berth.activities.usage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StatsArithmeticTest {

  @Test
  void givenHalfOfOneOfFourCpus_whenComputingCpu_itIsFiveHundredThousandths() {
    // 0.5 s of container CPU while the host's four CPUs ran 4 s in all.
    assertThat(StatsArithmetic.cpuMillis(500_000_000L, 4_000_000_000L, 4)).isEqualTo(500);
  }

  @Test
  void givenNoSystemDelta_whenComputingCpu_itIsZero() {
    assertThat(StatsArithmetic.cpuMillis(100, 0, 4)).isZero();
  }

  @Test
  void givenCgroupV1Stats_whenComputingMemory_itLeavesOutTheInactiveFileCache() {
    assertThat(StatsArithmetic.memoryBytes(100_000, 30_000L, 10_000L)).isEqualTo(70_000);
  }

  @Test
  void givenCgroupV2Stats_whenComputingMemory_itLeavesOutTheInactiveFileCache() {
    assertThat(StatsArithmetic.memoryBytes(100_000, null, 10_000L)).isEqualTo(90_000);
  }

  @Test
  void givenACounterThatWentBack_whenComputingARate_itIsZero() {
    assertThat(StatsArithmetic.bytesPerSecond(5_000, 100, 10_000)).isZero();
    assertThat(StatsArithmetic.bytesPerSecond(5_000, 25_000, 10_000)).isEqualTo(2_000);
  }
}
