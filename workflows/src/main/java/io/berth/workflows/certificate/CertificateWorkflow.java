package io.berth.workflows.certificate;

import io.berth.workflows.progress.Progress;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.util.List;

/**
 * Long-running workflow of one certificate subject on {@code berth-control}: {@code cert-<siteId>}
 * for the names of a site's customer domains (HTTP-01), {@code cert-platform} for the wildcard of
 * the platform's site hostnames (DNS-01 on Berth's own DNS). Its proxy work (challenge files,
 * installing into nginx) runs on the subject's host queue.
 *
 * <p>One cycle: target (which names, which host) → order → validate → issue → install → sleep until
 * {@link CertificatePolicy#renewAtFraction} of the lifetime (a durable timer) → continue as new. A
 * failed issuance never replaces the installed certificate: the cycle waits with a backoff that
 * keeps within the CA's failed-validation limit and tries again (or at once on {@link #retryNow}).
 * With no names left (the site's last domain went away) the certificate is taken out of nginx and
 * the workflow ends.
 */
@WorkflowInterface
public interface CertificateWorkflow {

  String STEP_ORDER = "order";
  String STEP_VALIDATE = "validate";
  String STEP_ISSUE = "issue";
  String STEP_INSTALL = "install";

  List<String> STEPS = List.of(STEP_ORDER, STEP_VALIDATE, STEP_ISSUE, STEP_INSTALL);

  String PLATFORM_ID = "cert-platform";

  static String workflowId(CertificateSubject subject) {
    return subject.isPlatform() ? PLATFORM_ID : "cert-" + subject.siteId();
  }

  @WorkflowMethod
  void run(CertificateRequest request);

  /** Starts the next attempt now instead of after the backoff (or renews now when issued). */
  @SignalMethod
  void retryNow();

  /**
   * The subject's names may have changed (a domain was attached, detached or removed): the names
   * are read again, and a certificate is ordered when they differ from the installed one's.
   */
  @SignalMethod
  void namesChanged();

  @QueryMethod
  Progress progress();

  @QueryMethod
  CertificateState state();
}
