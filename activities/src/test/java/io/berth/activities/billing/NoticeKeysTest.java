package io.berth.activities.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NoticeKeysTest {

  @Test
  void aKeyThatFits_isKeptAsItIs() {
    assertThat(NoticeKeys.of("evt_1PgafyB7WZ01zgkW")).isEqualTo("evt_1PgafyB7WZ01zgkW");
    assertThat(NoticeKeys.of("x".repeat(200))).hasSize(200);
  }

  @Test
  void aLongerKey_becomesItsDigest_theSameEachTime() {
    String key = "invoice-".repeat(30);

    assertThat(NoticeKeys.of(key))
        .startsWith("sha256:")
        .hasSize(71)
        .isEqualTo(NoticeKeys.of(key))
        .isNotEqualTo(NoticeKeys.of(key + "x"));
  }

  @Test
  void aNoticeNeedsAKey() {
    assertThatThrownBy(() -> NoticeKeys.of(" ")).isInstanceOf(IllegalArgumentException.class);
  }
}
