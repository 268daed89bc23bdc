package io.berth.panel.certificate;

import io.berth.panel.common.ServiceUnavailableException;
import io.berth.panel.testing.Resettable;
import io.berth.workflows.certificate.CertificateState;
import io.berth.workflows.certificate.CertificateSubject;
import io.berth.workflows.certificate.CertificateWorkflow;
import io.berth.workflows.progress.Progress;
import io.berth.workflows.progress.Step;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Answers as certificate workflows would: the steps and state a test sets for a subject (no state:
 * no workflow runs), and records "retry now" signals; or is unreachable.
 */
public class FakeCertificateWorkflows implements CertificateWorkflows, Resettable {

  public final List<CertificateSubject> retries = new CopyOnWriteArrayList<>();
  private final Map<CertificateSubject, Progress> progress = new ConcurrentHashMap<>();
  private final Map<CertificateSubject, CertificateState> states = new ConcurrentHashMap<>();
  private volatile boolean unreachable;

  /** A workflow runs for the subject and answers its state with this. */
  public void running(CertificateSubject subject, CertificateState state) {
    states.put(subject, state);
  }

  public void setProgress(CertificateSubject subject, List<Step> steps) {
    progress.put(subject, new Progress(steps));
  }

  public void unreachable(boolean down) {
    unreachable = down;
  }

  @Override
  public Progress progress(CertificateSubject subject) {
    requireReachable();
    return progress.getOrDefault(
        subject, new Progress(CertificateWorkflow.STEPS.stream().map(Step::pending).toList()));
  }

  @Override
  public Optional<CertificateState> state(CertificateSubject subject) {
    requireReachable();
    return Optional.ofNullable(states.get(subject));
  }

  @Override
  public boolean retryNow(CertificateSubject subject) {
    requireReachable();
    if (!states.containsKey(subject)) {
      return false;
    }
    retries.add(subject);
    return true;
  }

  private void requireReachable() {
    if (unreachable) {
      throw new ServiceUnavailableException(
          ServiceUnavailableException.WORKFLOWS_UNREACHABLE, null);
    }
  }

  @Override
  public void reset() {
    retries.clear();
    progress.clear();
    states.clear();
    unreachable = false;
  }
}
