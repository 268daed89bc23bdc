package io.berth.panel.certificate;

import io.berth.workflows.certificate.CertificateSubject;
import io.berth.workflows.progress.Step;
import java.time.Instant;
import java.util.List;

/**
 * HTTPS of one site (or of the platform) as its page shows it, with the live steps of the
 * certificate workflow. Two snapshots are equal when nothing a customer could see has changed.
 *
 * @param siteName null for the platform
 * @param domains the site's attached domains, whose names (and their {@code www.}) are certified
 * @param installed the certificate served now; null before the first one or without a domain
 * @param lastFailure why the last attempt failed, in plain words; null after a success
 * @param nextAttemptAt when the workflow tries again (or renews); null when it did not say
 * @param progressAvailable false when the workflow service or its worker could not be asked; the
 *     steps are then all pending and the status comes from the stored certificate
 * @param workflowRunning whether a certificate workflow runs that "Retry now" can reach
 * @param urls where the site answers over HTTPS, once a certificate is installed
 */
public record CertificateDetails(
    CertificateSubject subject,
    String siteName,
    HttpsStatus status,
    List<String> domains,
    Padlock installed,
    String lastFailure,
    Instant nextAttemptAt,
    List<Step> steps,
    boolean progressAvailable,
    boolean workflowRunning,
    List<String> urls) {

  public CertificateDetails {
    domains = List.copyOf(domains);
    steps = List.copyOf(steps);
    urls = List.copyOf(urls);
  }

  public boolean failing() {
    return lastFailure != null;
  }
}
