package io.berth.activities.certificate;

import io.berth.workflows.certificate.ChallengeType;
import io.berth.workflows.certificate.ValidationResult;

/**
 * Turns the CA's problem document for a failed authorization into words a customer can act on. The
 * CA's own detail is kept (shortened) where it helps support see what the CA saw.
 */
final class ValidationProblems {

  static final String PREFIX = "urn:ietf:params:acme:error:";
  static final int MAX_DETAIL = 600;

  private ValidationProblems() {}

  /**
   * @param name the name whose authorization failed ({@code *.example.test} for a wildcard)
   * @param challenge how the CA checked it
   * @param type the problem's type URI, or null when the CA gave none
   * @param detail the CA's detail, or null
   */
  static ValidationResult failed(String name, ChallengeType challenge, String type, String detail) {
    String kind = type != null && type.startsWith(PREFIX) ? type.substring(PREFIX.length()) : "";
    String said = detail == null || detail.isBlank() ? null : shorten(detail.strip());
    String reason =
        switch (kind) {
          case "unauthorized", "connection", "dns", "incorrectResponse" ->
              challenge == ChallengeType.DNS_01
                  ? "The CA did not find the TXT record "
                      + dnsRecordName(name)
                      + " on this platform's DNS"
                      + saidPart(said)
                  : name + " does not point to this server" + saidPart(said);
          case "caa" -> "The CAA records of " + name + " do not allow this CA to issue for it";
          case "rateLimited" -> "The CA's rate limit for " + name + " was reached; retrying later";
          case "rejectedIdentifier" -> "The CA does not issue certificates for " + name;
          default ->
              said != null
                  ? "The CA could not validate " + name + ": " + said
                  : "The CA could not validate " + name;
        };
    return ValidationResult.failed(reason, type);
  }

  private static String saidPart(String said) {
    return said == null ? "" : " (the CA said: " + said + ")";
  }

  private static String dnsRecordName(String name) {
    return "_acme-challenge." + (name.startsWith("*.") ? name.substring(2) : name);
  }

  private static String shorten(String detail) {
    String oneLine = detail.replaceAll("\\s+", " ");
    return oneLine.length() <= MAX_DETAIL ? oneLine : oneLine.substring(0, MAX_DETAIL - 1) + "…";
  }
}
