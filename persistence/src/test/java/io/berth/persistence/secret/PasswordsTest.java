package io.berth.persistence.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PasswordsTest {

  @Test
  void passwordsAre24UrlSafeCharacters_andDifferEveryTime() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String password = Passwords.generate();
      assertThat(password).hasSize(24).matches("[A-Za-z0-9_-]+");
      seen.add(password);
    }
    assertThat(seen).hasSize(1000);
    assertThat(Passwords.generate(64)).hasSize(64);
  }
}
