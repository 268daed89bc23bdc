package io.berth.activities.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.workflows.certificate.ChallengeType;
import io.berth.workflows.certificate.ValidationResult;
import org.junit.jupiter.api.Test;

class ValidationProblemsTest {

  private static final String ERROR = "urn:ietf:params:acme:error:";

  @Test
  void givenAnUnreachableName_itSaysTheNameDoesNotPointHere_withTheCasWords() {
    ValidationResult result =
        ValidationProblems.failed(
            "shop.example.test",
            ChallengeType.HTTP_01,
            ERROR + "connection",
            "Fetching http://shop.example.test/…: Timeout\n after 10s");

    assertThat(result.valid()).isFalse();
    assertThat(result.reason())
        .isEqualTo(
            "shop.example.test does not point to this server"
                + " (the CA said: Fetching http://shop.example.test/…: Timeout after 10s)");
    assertThat(result.problemType()).isEqualTo(ERROR + "connection");
  }

  @Test
  void givenUnauthorizedOrDns_itSaysTheSame() {
    assertThat(
            ValidationProblems.failed(
                    "a.test", ChallengeType.HTTP_01, ERROR + "unauthorized", "404")
                .reason())
        .startsWith("a.test does not point to this server");
    assertThat(
            ValidationProblems.failed("a.test", ChallengeType.HTTP_01, ERROR + "dns", null)
                .reason())
        .isEqualTo("a.test does not point to this server");
  }

  @Test
  void givenAFailedDnsChallenge_itNamesTheTxtRecord() {
    assertThat(
            ValidationProblems.failed(
                    "*.sites.test", ChallengeType.DNS_01, ERROR + "unauthorized", "wrong digest")
                .reason())
        .isEqualTo(
            "The CA did not find the TXT record _acme-challenge.sites.test on this platform's DNS"
                + " (the CA said: wrong digest)");
  }

  @Test
  void givenCaa_itSaysTheCaaRecordsForbidIt() {
    assertThat(
            ValidationProblems.failed("a.test", ChallengeType.HTTP_01, ERROR + "caa", "CAA says no")
                .reason())
        .isEqualTo("The CAA records of a.test do not allow this CA to issue for it");
  }

  @Test
  void givenARateLimit_itSaysSo_andTheResultIsRateLimited() {
    ValidationResult result =
        ValidationProblems.failed("a.test", ChallengeType.HTTP_01, ERROR + "rateLimited", "x");

    assertThat(result.reason())
        .isEqualTo("The CA's rate limit for a.test was reached; retrying later");
    assertThat(result.rateLimited()).isTrue();
  }

  @Test
  void givenAnythingElse_itPassesTheCasDetailOn_shortened() {
    String longDetail = "x".repeat(5000);
    ValidationResult result =
        ValidationProblems.failed(
            "a.test", ChallengeType.HTTP_01, ERROR + "serverInternal", longDetail);

    assertThat(result.reason()).startsWith("The CA could not validate a.test: xxx");
    assertThat(result.reason().length()).isLessThan(700);
    assertThat(ValidationProblems.failed("a.test", ChallengeType.HTTP_01, null, null).reason())
        .isEqualTo("The CA could not validate a.test");
  }
}
