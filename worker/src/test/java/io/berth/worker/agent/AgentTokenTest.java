package io.berth.worker.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class AgentTokenTest {

  @Test
  void givenAFreshToken_itIs32RandomBytesInBase64url() {
    AgentToken token = AgentToken.generate();

    assertThat(token.value()).matches("[A-Za-z0-9_-]{43}");
    assertThat(Base64.getUrlDecoder().decode(token.value())).hasSize(32);
    assertThat(AgentToken.generate().value()).isNotEqualTo(token.value());
  }

  @Test
  void givenAPresentedToken_itMatchesOnlyTheSameToken() {
    AgentToken token = AgentToken.generate();

    assertThat(token.matches(token.value())).isTrue();
    assertThat(token.matches(token.value() + "x")).isFalse();
    assertThat(token.matches(token.value().substring(1))).isFalse();
    assertThat(token.matches("")).isFalse();
    assertThat(token.matches(null)).isFalse();
  }

  @Test
  void givenAToken_whenPrinted_itDoesNotShowItsValue() {
    AgentToken token = AgentToken.generate();

    assertThat(token.toString()).doesNotContain(token.value()).contains("redacted");
  }
}
