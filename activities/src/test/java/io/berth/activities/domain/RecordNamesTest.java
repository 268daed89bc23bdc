package io.berth.activities.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RecordNamesTest {

  @ParameterizedTest(name = "''{0}'' -> ''{1}''")
  @CsvSource(
      value = {
        "'', @",
        "'   ', @",
        "@, @",
        "example.test, @",
        "EXAMPLE.test., @",
        "www, www",
        " WWW , www",
        "www.example.test, www",
        "www.Example.Test., www",
        "_sip._tcp.example.test, _sip._tcp",
        "a.b.example.test, a.b",
        "www.other.test, www.other.test",
        "www.other.test., www.other.test.",
        "myexample.test, myexample.test",
        ".example.test, .example.test",
      })
  void storesOneRelativeLowerCaseName(String typed, String stored) {
    assertThat(RecordNames.relative("example.test", typed)).isEqualTo(stored);
  }

  @Test
  void aMissingNameIsTheApex() {
    assertThat(RecordNames.relative("example.test", null)).isEqualTo("@");
  }
}
