package io.berth.panel.certificate;

import io.berth.panel.security.BerthUser;
import io.berth.workflows.progress.Step;
import io.berth.workflows.progress.StepState;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/sites/{id}/certificate}: HTTPS of one of the caller's sites, and "retry now". */
@RestController
@RequestMapping("/api/v1/sites/{id}/certificate")
@Tag(name = "Certificates")
class CertificateApi {

  private final CertificateService certificates;

  CertificateApi(CertificateService certificates) {
    this.certificates = certificates;
  }

  @GetMapping
  @Operation(
      summary = "The site's HTTPS certificate and the live state of its workflow",
      description =
          "status NO_DOMAIN (attach a domain to get HTTPS), PENDING (its DNS does not point here"
              + " yet), ISSUING, ISSUED, RENEWING, FAILING (lastFailure says why; the site keeps"
              + " working on HTTP or on its current certificate; nextAttemptAt says when it is"
              + " tried again) or REMOVED. names, issuer, serial, notBefore and notAfter describe"
              + " the certificate served now (null before the first); renewsAt is when it is"
              + " renewed.")
  CertificateAnswer certificate(@AuthenticationPrincipal BerthUser user, @PathVariable long id) {
    return CertificateAnswer.of(certificates.details(user.caller(), id));
  }

  @PostMapping("/retry")
  @Operation(
      summary = "Try to issue the certificate now instead of after the backoff",
      description =
          "202 once the certificate's workflow was told; 409 when the site has no domain or no"
              + " certificate workflow runs for it yet.")
  ResponseEntity<Void> retry(@AuthenticationPrincipal BerthUser user, @PathVariable long id) {
    certificates.retryNow(user.caller(), id);
    return ResponseEntity.accepted().build();
  }

  record StepAnswer(String name, StepState state, int attempt, String error) {

    static StepAnswer of(Step step) {
      return new StepAnswer(step.name(), step.state(), step.attempt(), step.error());
    }
  }

  /**
   * @param domains the site's attached domains, certified with their {@code www.}
   * @param urls where the site answers over HTTPS once a certificate is installed
   */
  record CertificateAnswer(
      long siteId,
      HttpsStatus status,
      List<String> domains,
      List<String> names,
      String issuer,
      String serial,
      Instant notBefore,
      Instant notAfter,
      Instant renewsAt,
      String lastFailure,
      Instant nextAttemptAt,
      List<String> urls,
      boolean progressAvailable,
      List<StepAnswer> steps) {

    static CertificateAnswer of(CertificateDetails details) {
      Padlock padlock = details.installed();
      return new CertificateAnswer(
          details.subject().siteId(),
          details.status(),
          details.domains(),
          padlock == null ? List.of() : padlock.names(),
          padlock == null ? null : padlock.issuer(),
          padlock == null ? null : padlock.serial(),
          padlock == null ? null : padlock.notBefore(),
          padlock == null ? null : padlock.notAfter(),
          padlock == null ? null : padlock.renewsAt(),
          details.lastFailure(),
          details.nextAttemptAt(),
          details.urls(),
          details.progressAvailable(),
          details.steps().stream().map(StepAnswer::of).toList());
    }
  }
}
