package io.berth.workflows.domain;

import io.berth.workflows.progress.Progress;

/**
 * Input of {@link DomainWorkflow}, and the state it carries over continue-as-new.
 *
 * @param name the domain, validated and lower case, e.g. {@code example.test}
 * @param siteId the site to attach once set up; null for none
 * @param setUp true once zone, records and the first route are in place; a run started with true
 *     skips them
 * @param attached where the domain's route points now; null when not attached
 * @param dnsSeen whether DNS has been seen pointing here
 * @param waitStartedAt epoch millis when the current wait for DNS began; 0 when not waiting
 * @param checks checks made in the current wait
 * @param progress the steps as they stand (null before the first run)
 */
public record DomainRequest(
    long domainId,
    long customerId,
    String name,
    DomainMode mode,
    Long siteId,
    DnsWaitPolicy waitPolicy,
    boolean setUp,
    SiteEndpoint attached,
    boolean dnsSeen,
    long waitStartedAt,
    int checks,
    Progress progress) {

  /** A new domain, to be set up. */
  public static DomainRequest create(
      long domainId, long customerId, String name, DomainMode mode, Long siteId) {
    return new DomainRequest(
        domainId,
        customerId,
        name,
        mode,
        siteId,
        DnsWaitPolicy.DEFAULT,
        false,
        null,
        false,
        0,
        0,
        null);
  }

  public DomainRequest withPolicy(DnsWaitPolicy policy) {
    return new DomainRequest(
        domainId,
        customerId,
        name,
        mode,
        siteId,
        policy,
        setUp,
        attached,
        dnsSeen,
        waitStartedAt,
        checks,
        progress);
  }

  public DomainRequest continued(
      SiteEndpoint nowAttached,
      boolean seen,
      long nowWaitStartedAt,
      int nowChecks,
      Progress nowProgress) {
    return new DomainRequest(
        domainId,
        customerId,
        name,
        mode,
        nowAttached == null ? null : nowAttached.siteId(),
        waitPolicy,
        true,
        nowAttached,
        seen,
        nowWaitStartedAt,
        nowChecks,
        nowProgress);
  }

  public DnsWaitPolicy policy() {
    return waitPolicy == null ? DnsWaitPolicy.DEFAULT : waitPolicy;
  }
}
