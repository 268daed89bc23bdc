package io.berth.panel.certificate;

import io.berth.workflows.certificate.CertificateState;
import io.berth.workflows.certificate.CertificateSubject;
import io.berth.workflows.progress.Progress;
import java.util.Optional;

/**
 * The panel's port to the certificate workflows ({@code cert-<siteId>}, {@code cert-platform}):
 * read their steps and state, and ask for an attempt now. Views and tests use it without Temporal.
 */
interface CertificateWorkflows {

  /**
   * The steps of the subject's current cycle; all pending if its workflow does not exist.
   *
   * @throws io.berth.panel.common.ServiceUnavailableException if the workflow service is down
   */
  Progress progress(CertificateSubject subject);

  /**
   * What the running workflow says about the certificate (status, next attempt, last failure);
   * empty when no workflow runs for the subject.
   *
   * @throws io.berth.panel.common.ServiceUnavailableException if the workflow service or its worker
   *     does not answer in time
   */
  Optional<CertificateState> state(CertificateSubject subject);

  /** Sends {@code retryNow}; false when no workflow runs for the subject. */
  boolean retryNow(CertificateSubject subject);
}
