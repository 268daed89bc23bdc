package io.berth.workflows.certificate;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** One host's nginx for workflow tests: challenge files and the certificate it serves. */
class FakeCertificateHost implements CertificateHostActivities {

  final List<AcmeChallenge> published = new CopyOnWriteArrayList<>();
  final List<AcmeChallenge> withdrawn = new CopyOnWriteArrayList<>();
  final List<Long> installs = new CopyOnWriteArrayList<>();
  final List<CertificateSubject> uninstalls = new CopyOnWriteArrayList<>();

  /** The certificate nginx serves now; null when none. */
  volatile Long serving;

  @Override
  public void publishHttpChallenges(List<AcmeChallenge> challenges) {
    published.addAll(challenges);
  }

  @Override
  public void withdrawHttpChallenges(List<AcmeChallenge> challenges) {
    withdrawn.addAll(challenges);
  }

  @Override
  public void install(long certificateId) {
    installs.add(certificateId);
    serving = certificateId;
  }

  @Override
  public void uninstall(CertificateSubject subject) {
    uninstalls.add(subject);
    serving = null;
  }
}
