package io.berth.activities.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReloadScriptTest {

  @TempDir Path dir;

  @Test
  void aScriptThatSucceeds_isDone() throws Exception {
    Path marker = dir.resolve("ran");
    Path script = script("touch " + marker + "\necho reloaded");

    new ReloadScript(script, Duration.ofSeconds(10)).run();

    assertThat(marker).exists();
  }

  @Test
  void aFailingScript_isAFailureNamingTheScript_withTheTailOfItsOutput() throws Exception {
    StringBuilder body = new StringBuilder();
    for (int i = 1; i <= 30; i++) {
      body.append("echo line ").append(i).append('\n');
    }
    body.append("echo 'postfix: fatal: bad config' >&2\nexit 3");
    Path script = script(body.toString());

    assertThatThrownBy(() -> new ReloadScript(script, Duration.ofSeconds(10)).run())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith(script + " failed with exit code 3:")
        .hasMessageContaining("line 30\npostfix: fatal: bad config")
        .hasMessageNotContaining("line 20\n");
  }

  @Test
  void aScriptThatHangs_isStoppedAndReported() throws Exception {
    Path script = script("echo waiting\nsleep 300");

    assertThatThrownBy(() -> new ReloadScript(script, Duration.ofMillis(500)).run())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(script + " did not finish within PT0.5S")
        .hasMessageContaining("waiting");
  }

  @Test
  void aMissingScript_saysToStartTheMailServers() {
    Path script = dir.resolve("bin/dkim-reload");

    assertThatThrownBy(() -> new ReloadScript(script, Duration.ofSeconds(1)).run())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("services.sh up mail");
  }

  @Test
  void theTailOfNoOutput_saysSo() {
    assertThat(ReloadScript.tail("")).isEqualTo(" (no output)");
    assertThat(ReloadScript.tail("x".repeat(2000))).hasSize(":\n\u2026".length() + 800);
    assertThatCode(() -> ReloadScript.tail("\n\n")).doesNotThrowAnyException();
  }

  private Path script(String body) throws Exception {
    Path script = dir.resolve("script-" + System.nanoTime());
    Files.writeString(script, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    return script;
  }
}
