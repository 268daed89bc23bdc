package io.berth.activities.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.berth.activities.common.PermanentException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DkimTablesTest {

  private static final Path KEYS = Path.of("/srv/mail/dkim/keys");

  @Test
  void theLinesOpenDkimReads() {
    assertThat(
            DkimTables.keyTableLine("example.test", "berth", KEYS.resolve("example.test.private")))
        .isEqualTo(
            "berth._domainkey.example.test example.test:berth:/srv/mail/dkim/keys/example.test.private");
    assertThat(DkimTables.signingTableLine("example.test", "berth"))
        .isEqualTo("*@example.test berth._domainkey.example.test");
  }

  @Test
  void puttingALine_appendsIt_onceHoweverOftenRepeated_andLeavesOtherLinesAsTheyAre() {
    String table = "# managed by Berth\n*@other.test berth._domainkey.other.test\n";
    String line = DkimTables.signingTableLine("example.test", "berth");

    String once = DkimTables.put(table, DkimTables.signingTableLineOf("example.test"), line);
    String twice = DkimTables.put(once, DkimTables.signingTableLineOf("example.test"), line);

    assertThat(once)
        .isEqualTo(
            "# managed by Berth\n"
                + "*@other.test berth._domainkey.other.test\n"
                + "*@example.test berth._domainkey.example.test\n");
    assertThat(twice).isEqualTo(once);
  }

  @Test
  void puttingAChangedLine_replacesTheDomainsLinesInPlace() {
    String table =
        "s1._domainkey.example.test example.test:s1:/old.private\n"
            + "berth._domainkey.other.test other.test:berth:/k/other.test.private\n"
            + "s2._domainkey.example.test example.test:s2:/older.private\n";

    String changed =
        DkimTables.put(
            table,
            DkimTables.keyTableLineOf("example.test"),
            DkimTables.keyTableLine("example.test", "berth", KEYS.resolve("example.test.private")));

    assertThat(changed)
        .isEqualTo(
            "berth._domainkey.example.test example.test:berth:/srv/mail/dkim/keys/example.test.private\n"
                + "berth._domainkey.other.test other.test:berth:/k/other.test.private\n");
  }

  @Test
  void removing_takesOnlyTheDomainsLines_notThoseOfItsSubdomainsOrLookalikes() {
    String table =
        "*@example.test berth._domainkey.example.test\n"
            + "*@sub.example.test berth._domainkey.sub.example.test\n"
            + "*@myexample.test berth._domainkey.myexample.test\n"
            + "\n"
            + "# *@example.test stays a comment\n";

    String removed = DkimTables.remove(table, DkimTables.signingTableLineOf("example.test"));

    assertThat(removed)
        .isEqualTo(
            "*@sub.example.test berth._domainkey.sub.example.test\n"
                + "*@myexample.test berth._domainkey.myexample.test\n"
                + "\n"
                + "# *@example.test stays a comment\n");
    assertThat(DkimTables.remove(removed, DkimTables.signingTableLineOf("example.test")))
        .isEqualTo(removed);
    assertThat(DkimTables.remove("", DkimTables.signingTableLineOf("example.test"))).isEmpty();
  }

  @Test
  void theKeyTableLineOfADomain_isFoundByItsValue() {
    var ours = DkimTables.keyTableLineOf("example.test");

    assertThat(ours.test("berth._domainkey.example.test example.test:berth:/k")).isTrue();
    assertThat(ours.test("berth._domainkey.sub.example.test sub.example.test:berth:/k")).isFalse();
    assertThat(ours.test("berth._domainkey.example.testing example.testing:berth:/k")).isFalse();
    assertThat(ours.test("# example.test:berth")).isFalse();
  }

  @ParameterizedTest(name = "domain \"{0}\"")
  @ValueSource(
      strings = {
        "",
        "example",
        "Example.Test",
        "example.test.",
        " example.test",
        "example.test\n*@evil.test",
        "exa mple.test",
        "../etc/passwd",
        "example.test:x",
        "*.example.test",
        "ex_ample.test",
        "xn--.test/../../x"
      })
  void oddDomainNames_neverReachTheTables(String domain) {
    assertThatThrownBy(() -> DkimTables.signingTableLine(domain, "berth"))
        .isInstanceOf(PermanentException.class);
    assertThatThrownBy(() -> DkimTables.keyTableLineOf(domain))
        .isInstanceOf(PermanentException.class);
  }

  @ParameterizedTest(name = "selector \"{0}\"")
  @ValueSource(strings = {"", "Berth", "a b", "x:y", "-a", "a.b", "a\n"})
  void oddSelectors_neverReachTheTables(String selector) {
    assertThatThrownBy(() -> DkimTables.signingTableLine("example.test", selector))
        .isInstanceOf(PermanentException.class)
        .hasMessageContaining("selector");
  }
}
