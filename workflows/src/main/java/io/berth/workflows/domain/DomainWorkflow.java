package io.berth.workflows.domain;

import io.berth.workflows.progress.Progress;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.util.List;

/**
 * Entity workflow of one customer domain, id {@code domain-<domainId>}, on {@code berth-control};
 * its proxy routes are written on the attached site's host queue.
 *
 * <p>Set-up: zone → default records (hosted only) → site (route for the domain and {@code www.}
 * when a site was chosen) → DNS check. The route is written before DNS is seen: a route for a name
 * that does not resolve here yet is harmless, and the site answers the moment DNS arrives. The DNS
 * check is a durable wait: re-checked with backoff ({@link DnsWaitPolicy}), given up after the
 * policy's limit with the reason, restarted by {@link #checkDnsNow}. While the domain exists it
 * serves DNS editor changes, attach/detach and removal.
 */
@WorkflowInterface
public interface DomainWorkflow {

  String STEP_ZONE = "zone";
  String STEP_RECORDS = "records";
  String STEP_SITE = "site";
  String STEP_DNS = "dns check";

  List<String> STEPS = List.of(STEP_ZONE, STEP_RECORDS, STEP_SITE, STEP_DNS);

  static String workflowId(long domainId) {
    return "domain-" + domainId;
  }

  @WorkflowMethod
  void run(DomainRequest request);

  /** Replaces or deletes one record set of a hosted zone; answers with the set as stored. */
  @UpdateMethod
  DnsRecordSet changeRecordSet(RecordSetChange change);

  @UpdateValidatorMethod(updateName = "changeRecordSet")
  void validateChangeRecordSet(RecordSetChange change);

  /** Points the domain (and {@code www.}) at a live site of the same customer. */
  @UpdateMethod
  SiteEndpoint attachSite(long siteId);

  @UpdateValidatorMethod(updateName = "attachSite")
  void validateAttachSite(long siteId);

  /** Removes the domain's proxy route; the zone and its records stay. */
  @UpdateMethod
  void detachSite();

  @UpdateValidatorMethod(updateName = "detachSite")
  void validateDetachSite();

  /** Looks at DNS now instead of at the next scheduled check; starts a new wait if given up. */
  @SignalMethod
  void checkDnsNow();

  /** Removes the route, the zone and its records, then ends the workflow. */
  @SignalMethod
  void remove();

  @QueryMethod
  Progress progress();

  @QueryMethod
  DnsCheck lastCheck();
}
