package io.berth.workflows.certificate;

import io.temporal.activity.ActivityInterface;

/**
 * Starts or nudges certificate workflows from other journeys, on {@code berth-control}: a
 * signal-with-start of {@code namesChanged} to {@code cert-<siteId>}, so the workflow is started
 * when it is not running and re-reads its names when it is. Idempotent.
 */
@ActivityInterface
public interface CertificateSchedulingActivities {

  /** The site's certified names may have changed (domain attached, detached, DNS seen, removed). */
  void siteNamesChanged(long siteId);
}
