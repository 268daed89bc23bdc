package io.berth.panel.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MailAddressesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "info",
        "first.last",
        "sales-team",
        "a_b",
        "ada+news",
        "x1",
        "postmaster",
        "abuse"
      })
  void theseLocalPartsAreFine(String localPart) {
    assertThat(MailAddresses.localPartProblem(localPart)).isEmpty();
  }

  @Test
  void postmasterAndAbuseAreAllowedAndSuggestedWhileSystemNamesAreReserved() {
    assertThat(MailAddresses.ROLE_ADDRESSES).containsExactly("postmaster", "abuse");
    assertThat(MailAddresses.RESERVED)
        .contains("mailer-daemon", "root", "nobody", "vmail", "noreply")
        .doesNotContain("postmaster", "abuse");
  }

  @Test
  void aLocalPartIsTidiedToLowerCase() {
    assertThat(MailAddresses.tidy("  Info.Desk ")).isEqualTo("info.desk");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "info@example.test",
        "first.last+tag@mail.example.co.uk",
        "o'brien@example.com",
        "x@a-b.example",
        "1@example.io"
      })
  void theseDestinationsAreAddresses(String address) {
    assertThat(MailAddresses.isAddress(address)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "bob",
        "@example.test",
        "bob@",
        "bob@localhost",
        "bob@@example.test",
        "a@b@example.test",
        ".bob@example.test",
        "bob.@example.test",
        "bo..b@example.test",
        "bob@-example.test",
        "bob@example.123",
        "bob smith@example.test",
        "bob@exa_mple.test"
      })
  void theseAreNot(String address) {
    assertThat(MailAddresses.isAddress(address)).isFalse();
  }

  @Test
  void anAddressHasAtMost254CharactersAndALocalPartAtMost64() {
    assertThat(MailAddresses.isAddress("a".repeat(64) + "@example.test")).isTrue();
    assertThat(MailAddresses.isAddress("a".repeat(65) + "@example.test")).isFalse();
    String longDomain = ("d".repeat(60) + ".").repeat(5) + "test";
    assertThat(MailAddresses.isAddress("a@" + longDomain)).isFalse();
  }
}
