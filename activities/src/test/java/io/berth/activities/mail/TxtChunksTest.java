package io.berth.activities.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TxtChunksTest {

  @Test
  void aShortText_isOneQuotedString() {
    assertThat(TxtChunks.quoted("v=spf1 mx -all")).isEqualTo("\"v=spf1 mx -all\"");
  }

  @ParameterizedTest(name = "{0} characters")
  @ValueSource(ints = {1, 254, 255, 256, 410, 510, 511, 1000})
  void aLongText_isSplitIntoChunksOfAtMost255_thatJoinBackToIt(int length) {
    String text = "p=".repeat(length).substring(0, length);

    String quoted = TxtChunks.quoted(text);

    List<String> chunks = List.of(quoted.split("\" \""));
    assertThat(chunks).hasSize((length + 254) / 255);
    assertThat(chunks)
        .allSatisfy(c -> assertThat(c.replace("\"", "").length()).isLessThanOrEqualTo(255));
    assertThat(TxtChunks.text(quoted)).isEqualTo(text);
  }

  @Test
  void quotesAndBackslashes_areEscaped_andReadBack() {
    String text = "say \"hi\" \\ bye";

    String quoted = TxtChunks.quoted(text);

    assertThat(quoted).isEqualTo("\"say \\\"hi\\\" \\\\ bye\"");
    assertThat(TxtChunks.text(quoted)).isEqualTo(text);
  }

  @Test
  void escapedCharactersCountOnceTowardsTheChunkLength() {
    String text = "\"".repeat(300);

    String quoted = TxtChunks.quoted(text);

    assertThat(quoted).startsWith("\"" + "\\\"".repeat(255) + "\" \"");
    assertThat(TxtChunks.text(quoted)).isEqualTo(text);
  }

  @Test
  void readingJoinsChunksHoweverTheyWereSplit_andDecimalEscapes() {
    assertThat(TxtChunks.text("\"v=DKIM1; \" \"k=rsa\"  \"\\059\"")).isEqualTo("v=DKIM1; k=rsa;");
  }

  @Test
  void nonAsciiAndControlCharacters_areRefused() {
    assertThatThrownBy(() -> TxtChunks.quoted("v=spf1 \u00e9")).hasMessageContaining("U+00E9");
    assertThatThrownBy(() -> TxtChunks.quoted("a\nb")).hasMessageContaining("U+000A");
    assertThatThrownBy(() -> TxtChunks.quoted("")).hasMessageContaining("empty");
  }

  @Test
  void textOutsideQuotes_isNotAQuotedValue() {
    assertThatThrownBy(() -> TxtChunks.text("v=spf1")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TxtChunks.text("\"open")).isInstanceOf(IllegalArgumentException.class);
  }
}
