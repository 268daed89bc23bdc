package io.berth.activities.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ContainerEnvironmentTest {

  @Test
  void itShowsNamesOnly_andItsDigestChangesWithAnyValue() {
    var env = ContainerEnvironment.of(Map.of("BERTH_DB_PASSWORD", "Secret-123456", "A", "1"));
    var other = ContainerEnvironment.of(Map.of("BERTH_DB_PASSWORD", "Secret-654321", "A", "1"));

    assertThat(env.toString())
        .isEqualTo("ContainerEnvironment[A, BERTH_DB_PASSWORD]")
        .doesNotContain("Secret");
    assertThat(env.entries()).containsExactly("A=1", "BERTH_DB_PASSWORD=Secret-123456");
    assertThat(env.digest()).doesNotContain("Secret").isNotEqualTo(other.digest()).hasSize(64);
    assertThat(env.digest())
        .isEqualTo(
            ContainerEnvironment.of(Map.of("A", "1", "BERTH_DB_PASSWORD", "Secret-123456"))
                .digest());
  }

  @Test
  void noVariablesIsNone() {
    assertThat(ContainerEnvironment.of(Map.of())).isSameAs(ContainerEnvironment.NONE);
    assertThat(ContainerEnvironment.NONE.isEmpty()).isTrue();
  }

  @Test
  void badNamesAndValuesAreRefusedWithoutShowingTheValue() {
    assertThatThrownBy(() -> ContainerEnvironment.of(Map.of("A=B", "x")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ContainerEnvironment.of(Map.of("PW", "sec\0ret")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("sec");
  }
}
