package io.berth.panel.certificate;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** The words the panel uses for HTTPS: statuses, dates, the failure warning, the domain's line. */
public final class HttpsFormat {

  public static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

  private HttpsFormat() {}

  /** Lowercase, to fit inside a sentence ("HTTPS: issued"). */
  public static String status(HttpsStatus status) {
    return switch (status) {
      case NO_DOMAIN -> "no domain";
      case PENDING -> "pending";
      case ISSUING -> "being issued";
      case ISSUED -> "issued";
      case RENEWING -> "renewing";
      case FAILING -> "failing";
      case REMOVED -> "removed";
    };
  }

  public static String when(Instant instant) {
    return instant == null ? "not scheduled" : WHEN.format(instant);
  }

  /**
   * "Certificate not issued: <reason>. The site keeps working on HTTP (or on its current
   * certificate, valid until <date>). Next attempt: <time>."
   */
  public static String warning(CertificateDetails details) {
    String keeps =
        details.installed() == null
            ? "The site keeps working on HTTP."
            : "The site keeps working on its current certificate, valid until "
                + when(details.installed().notAfter())
                + ".";
    String next =
        details.nextAttemptAt() == null
            ? "Next attempt: soon."
            : "Next attempt: " + when(details.nextAttemptAt()) + ".";
    return "Certificate not issued: " + sentence(details.lastFailure()) + " " + keeps + " " + next;
  }

  /** One line for a domain's page: "HTTPS: issued, valid until 2026-02-24 10:00". */
  public static String line(CertificateDetails details) {
    String status = "HTTPS: " + status(details.status());
    return switch (details.status()) {
      case ISSUED, RENEWING ->
          details.installed() == null
              ? status
              : status + ", valid until " + when(details.installed().notAfter());
      case FAILING ->
          status + " — " + sentence(details.lastFailure()) + " Next attempt: " + next(details);
      case PENDING -> status + " — a certificate is ordered once DNS points here";
      case ISSUING -> status + " — ordering and validating the certificate";
      case NO_DOMAIN, REMOVED -> status;
    };
  }

  private static String next(CertificateDetails details) {
    return details.nextAttemptAt() == null ? "soon" : when(details.nextAttemptAt());
  }

  /** The reason without a doubled full stop, ending with one. */
  private static String sentence(String text) {
    if (text == null || text.isBlank()) {
      return "the certificate authority gave no reason.";
    }
    String trimmed = text.strip();
    return trimmed.endsWith(".") ? trimmed : trimmed + ".";
  }
}
