package io.berth.panel.domain;

import io.berth.workflows.domain.DnsRecordSet;
import io.berth.workflows.domain.DomainRequest;
import io.berth.workflows.domain.RecordSetChange;
import io.berth.workflows.domain.SiteEndpoint;
import io.berth.workflows.progress.Progress;

/**
 * The panel's port to the domains' entity workflows ({@code domain-<id>}). Changes are updates that
 * return once the workflow has applied them; failures arrive as the panel's own exceptions: {@link
 * io.berth.panel.common.InvalidInputException} when the change can never succeed as given (with the
 * activity's message), {@link io.berth.panel.common.NotFoundException}, {@link
 * io.berth.panel.common.ConflictException} when the workflow refuses or is not running, and {@link
 * io.berth.panel.common.ServiceUnavailableException} when Temporal or the worker does not answer in
 * time.
 */
interface DomainWorkflows {

  /**
   * Starts {@code domain-<id>} with the search attributes that let support find it.
   *
   * @throws RuntimeException if it could not be started (Temporal unreachable, id in use)
   */
  void start(DomainRequest request);

  /** Replaces (or, with no values, deletes) one record set; answers with the set as stored. */
  DnsRecordSet changeRecordSet(long domainId, RecordSetChange change);

  /** Points the domain (and its {@code www.}) at a live site of the same customer. */
  SiteEndpoint attachSite(long domainId, long siteId);

  /** Removes the domain's proxy route; the zone and its records stay. */
  void detachSite(long domainId);

  /** Asks for a DNS check now; false if the domain has no running workflow. */
  boolean checkDnsNow(long domainId);

  /** Asks the workflow to remove the domain; false if the domain has no running workflow. */
  boolean remove(long domainId);

  /**
   * The domain's steps; all pending if its workflow does not exist.
   *
   * @throws io.berth.panel.common.ServiceUnavailableException if the workflow service is down
   */
  Progress progress(long domainId);
}
