package io.berth.activities.certificate;

import io.berth.workflows.certificate.CertificateSchedulingActivities;
import org.springframework.stereotype.Component;

/**
 * {@link CertificateSchedulingActivities} on {@code berth-control}: other journeys (domains
 * attached, detached, seen in DNS, removed) tell a site's certificate workflow to re-read its
 * names, starting it when it does not run.
 */
@Component("certificateSchedulingActivities")
public class CertificateSchedulingActivitiesImpl implements CertificateSchedulingActivities {

  private final CertificateWorkflows workflows;

  public CertificateSchedulingActivitiesImpl(CertificateWorkflows workflows) {
    this.workflows = workflows;
  }

  @Override
  public void siteNamesChanged(long siteId) {
    workflows.siteNamesChanged(siteId);
  }
}
