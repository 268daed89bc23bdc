package io.berth.workflows.domain;

import io.berth.workflows.certificate.CertificateSchedulingActivities;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records which sites' certificate workflows were told that their names may have changed. */
class FakeCertificateScheduling implements CertificateSchedulingActivities {

  final List<Long> nudged = new CopyOnWriteArrayList<>();

  @Override
  public void siteNamesChanged(long siteId) {
    nudged.add(siteId);
  }
}
