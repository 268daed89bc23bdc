package io.berth.panel.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.berth.panel.common.InvalidInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DomainNamesTest {

  private static final String PLATFORM = "berth.localhost";

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "' Example.COM. '        | example.com",
        "example.test            | example.test",
        "sub.example.co.uk       | sub.example.co.uk",
        "xn--mnchen-3ya.de       | xn--mnchen-3ya.de",
        "1and1.com               | 1and1.com",
        "my-shop.example         | my-shop.example",
        "berth.example           | berth.example",
      })
  void itTidiesWhatWasTyped(String typed, String stored) {
    assertThat(DomainNames.normalise(typed, PLATFORM)).isEqualTo(stored);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "''                      | Enter a domain name",
        "'   '                   | Enter a domain name",
        "http://example.com      | without http:// or https://",
        "https://example.com/    | without http:// or https://",
        "HTTP://EXAMPLE.COM      | without http:// or https://",
        "example.com/shop        | without a path",
        "example.com?q=1         | without a path",
        "exa mple.com            | no spaces",
        "192.0.2.1               | not an IP address",
        "2001:db8::1             | not an IP address",
        "[::1]                   | not an IP address",
        "example.com:8080        | without a port",
        "münchen.de              | xn--mnchen-3ya.de",
        "bücher.example          | punycode",
        "localhost               | with its ending",
        "example                 | with its ending",
        "a..b.com                | two dots in a row",
        ".example.com            | two dots in a row or start with a dot",
        "-example.com            | no hyphen at the start or end",
        "example-.com            | no hyphen at the start or end",
        "ex_ample.com            | letters, digits and hyphens only",
        "a;b.com                 | letters, digits and hyphens only",
        "example.com@evil.test   | letters, digits and hyphens only",
        "'example.com\"'         | letters, digits and hyphens only",
        "example.123             | does not end in digits",
        "berth.localhost         | platform's own site addresses",
        "blog.berth.localhost    | platform's own site addresses",
        "A.Blog.Berth.Localhost. | platform's own site addresses",
      })
  void itRefusesWithWhatToFix(String typed, String advice) {
    InvalidInputException refused =
        catchThrowableOfType(
            InvalidInputException.class, () -> DomainNames.normalise(typed, PLATFORM));

    assertThat(refused).as("refusal of %s", typed).isNotNull();
    assertThat(refused.problemWith("name")).contains(advice);
  }

  @ParameterizedTest
  @ValueSource(strings = {"a\nb.com", "a\tb.com", "example.com\r\nX-Injected: 1"})
  void controlCharactersAreRefused(String typed) {
    assertThat(
            catchThrowableOfType(
                InvalidInputException.class, () -> DomainNames.normalise(typed, PLATFORM)))
        .isNotNull();
  }

  @org.junit.jupiter.api.Test
  void labelsAndNamesFollowRfc1035Lengths() {
    String label63 = "a".repeat(63);
    assertThat(DomainNames.normalise(label63 + ".test", PLATFORM)).isEqualTo(label63 + ".test");
    assertThat(
            catchThrowableOfType(
                    InvalidInputException.class,
                    () -> DomainNames.normalise("a".repeat(64) + ".test", PLATFORM))
                .getMessage())
        .contains("at most 63 characters", "has 64");
    String name254 = String.join(".", label63, label63, label63, "a".repeat(62));
    assertThat(name254).hasSize(254);
    assertThat(
            catchThrowableOfType(
                    InvalidInputException.class, () -> DomainNames.normalise(name254, PLATFORM))
                .getMessage())
        .contains("at most 253 characters", "has 254");
    assertThat(DomainNames.normalise(name254.substring(1), PLATFORM)).hasSize(253);
  }

  @org.junit.jupiter.api.Test
  void theNullNameIsRefused() {
    assertThat(
            catchThrowableOfType(
                InvalidInputException.class, () -> DomainNames.normalise(null, PLATFORM)))
        .hasMessage("Enter a domain name, e.g. example.com.");
  }
}
