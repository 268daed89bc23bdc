package io.berth.workflows.certificate;

/**
 * Input of {@link CertificateWorkflow}: the subject, the policy, and the state carried over from
 * the previous cycle ({@link CertificateState#initial()} on the first).
 */
public record CertificateRequest(
    CertificateSubject subject, CertificatePolicy policy, CertificateState state) {

  public static CertificateRequest first(CertificateSubject subject) {
    return new CertificateRequest(
        subject, CertificatePolicy.defaults(), CertificateState.initial());
  }
}
