package io.berth.panel.domain;

import io.berth.panel.common.ServiceUnavailableException;
import io.berth.panel.testing.InMemoryDnsRecordSets;
import io.berth.panel.testing.InMemoryDomains;
import io.berth.panel.testing.InMemorySites;
import io.berth.panel.testing.Resettable;
import io.berth.persistence.domain.DnsRecordSetRow;
import io.berth.persistence.domain.Domain;
import io.berth.workflows.domain.DnsRecordSet;
import io.berth.workflows.domain.DomainRequest;
import io.berth.workflows.domain.RecordSetChange;
import io.berth.workflows.domain.SiteEndpoint;
import io.berth.workflows.progress.Progress;
import io.berth.workflows.progress.Step;
import io.grpc.Status;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Does what the domain workflow would: stores record sets and the attached site (as its activities
 * do) and answers; or refuses, or is unreachable, as a test asks.
 */
public class FakeDomainWorkflows implements DomainWorkflows, Resettable {

  public record Change(long domainId, RecordSetChange change) {}

  public final List<DomainRequest> started = new CopyOnWriteArrayList<>();
  public final List<Change> changes = new CopyOnWriteArrayList<>();
  public final List<Long> checks = new CopyOnWriteArrayList<>();
  public final List<Long> removals = new CopyOnWriteArrayList<>();
  private final Map<Long, Progress> progress = new ConcurrentHashMap<>();
  private final InMemoryDomains domains;
  private final InMemoryDnsRecordSets recordSets;
  private final InMemorySites sites;
  private volatile RuntimeException refusal;
  private volatile boolean unreachable;
  private volatile boolean gone;

  public FakeDomainWorkflows(
      InMemoryDomains domains, InMemoryDnsRecordSets recordSets, InMemorySites sites) {
    this.domains = domains;
    this.recordSets = recordSets;
    this.sites = sites;
  }

  /** The next changes fail with this, as the workflow's activity would refuse them. */
  public void refuse(RuntimeException failure) {
    refusal = failure;
  }

  public void unreachable(boolean down) {
    unreachable = down;
  }

  /** The domain's workflow has ended: signals find nothing to signal. */
  public void gone(boolean ended) {
    gone = ended;
  }

  public void setProgress(long domainId, List<Step> steps) {
    progress.put(domainId, new Progress(steps));
  }

  @Override
  public void start(DomainRequest request) {
    if (unreachable) {
      throw Status.UNAVAILABLE.withDescription("connection refused").asRuntimeException();
    }
    started.add(request);
  }

  @Override
  public DnsRecordSet changeRecordSet(long domainId, RecordSetChange change) {
    answerOrRefuse();
    changes.add(new Change(domainId, change));
    if (change.isDelete()) {
      recordSets.deleteSet(domainId, change.name(), change.type());
      return null;
    }
    recordSets.upsert(
        domainId,
        change.name(),
        change.type(),
        change.ttl(),
        DnsRecordSetRow.data(change.values()),
        false);
    return new DnsRecordSet(change.name(), change.type(), change.ttl(), change.values(), false);
  }

  @Override
  public SiteEndpoint attachSite(long domainId, long siteId) {
    answerOrRefuse();
    Domain domain = domains.findById(domainId).orElseThrow();
    domains.updateStatus(domainId, domain.status(), siteId, domain.reason());
    return new SiteEndpoint(siteId, sites.findById(siteId).orElseThrow().name(), "local", 20000);
  }

  @Override
  public void detachSite(long domainId) {
    answerOrRefuse();
    Domain domain = domains.findById(domainId).orElseThrow();
    domains.updateStatus(domainId, domain.status(), null, domain.reason());
  }

  @Override
  public boolean checkDnsNow(long domainId) {
    answerOrRefuse();
    checks.add(domainId);
    return !gone;
  }

  @Override
  public boolean remove(long domainId) {
    answerOrRefuse();
    removals.add(domainId);
    return !gone;
  }

  @Override
  public Progress progress(long domainId) {
    if (unreachable) {
      throw new ServiceUnavailableException(
          ServiceUnavailableException.WORKFLOWS_UNREACHABLE, null);
    }
    return progress.getOrDefault(domainId, DomainSteps.pending());
  }

  private void answerOrRefuse() {
    if (unreachable) {
      throw new ServiceUnavailableException(TemporalDomainWorkflows.NOT_ANSWERING, null);
    }
    if (refusal != null) {
      throw refusal;
    }
  }

  @Override
  public void reset() {
    started.clear();
    changes.clear();
    checks.clear();
    removals.clear();
    progress.clear();
    refusal = null;
    unreachable = false;
    gone = false;
  }
}
