package io.berth.activities.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.berth.activities.common.PermanentException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MaildirPathsTest {

  private static final Path VMAIL = Path.of("/srv/mail/vmail");

  @Test
  void theMaildirIsDomainThenLocalPart_insideVmail() {
    assertThat(MaildirPaths.of(VMAIL, "example.test", "info"))
        .isEqualTo(Path.of("/srv/mail/vmail/example.test/info"));
    assertThat(MaildirPaths.of(VMAIL, "example.test", "first.last+tag"))
        .isEqualTo(Path.of("/srv/mail/vmail/example.test/first.last+tag"));
  }

  @ParameterizedTest(name = "local part \"{0}\"")
  @ValueSource(
      strings = {
        "",
        ".",
        "..",
        "../other",
        "a/b",
        "/etc",
        "a\\b",
        ".hidden",
        "trailing.",
        "two..dots",
        "Info",
        "sp ace",
        "nul\u0000",
        "new\nline",
        "\u00e9t\u00e9"
      })
  void localPartsThatCouldLeaveTheirDirectory_areRefused(String localPart) {
    assertThatThrownBy(() -> MaildirPaths.of(VMAIL, "example.test", localPart))
        .isInstanceOf(PermanentException.class)
        .hasMessageContaining("cannot be located");
  }

  @Test
  void aLocalPartLongerThan64_isRefused() {
    assertThatThrownBy(() -> MaildirPaths.of(VMAIL, "example.test", "a".repeat(65)))
        .isInstanceOf(PermanentException.class);
    assertThat(MaildirPaths.of(VMAIL, "example.test", "a".repeat(64)).getParent().getParent())
        .isEqualTo(VMAIL);
  }

  @ParameterizedTest(name = "domain \"{0}\"")
  @ValueSource(strings = {"..", "../x.test", "example.test/..", "x.test/../../etc", "EXAMPLE.test"})
  void domainsThatAreNotPlainHostNames_areRefused(String domain) {
    assertThatThrownBy(() -> MaildirPaths.of(VMAIL, domain, "info"))
        .isInstanceOf(PermanentException.class);
  }
}
