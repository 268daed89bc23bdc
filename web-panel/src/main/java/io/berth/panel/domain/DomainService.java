package io.berth.panel.domain;

import io.berth.panel.common.Caller;
import io.berth.panel.common.ConflictException;
import io.berth.panel.common.FieldProblem;
import io.berth.panel.common.InvalidInputException;
import io.berth.panel.common.NotFoundException;
import io.berth.panel.common.ServiceUnavailableException;
import io.berth.panel.common.TemporalCalls;
import io.berth.panel.site.SiteUrls;
import io.berth.persistence.domain.Domain;
import io.berth.persistence.domain.DomainRepository;
import io.berth.persistence.mail.MailDomainRepository;
import io.berth.persistence.site.Site;
import io.berth.persistence.site.SiteRepository;
import io.berth.workflows.domain.DomainMode;
import io.berth.workflows.domain.DomainRequest;
import io.berth.workflows.domain.DomainStatus;
import io.berth.workflows.domain.SiteEndpoint;
import io.berth.workflows.progress.Step;
import io.berth.workflows.site.SiteStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * A customer's domains: adding one starts its workflow; attaching to a site, DNS checks and removal
 * go to that workflow (DNS editor changes too, through {@link DnsRecordService}). The panel and the
 * API call the same methods; another customer's domain is "not found".
 */
@Service
class DomainService {

  static final String NAME_FIELD = DomainNames.FIELD;
  static final String MODE_FIELD = "mode";
  static final String SITE_FIELD = "siteId";
  static final String START_FAILED =
      "Your domain could not be added because the workflow service is unreachable; nothing was"
          + " set up. Try again in a moment.";
  static final String START_FAILED_REASON =
      "Not added: the workflow service was unreachable when it was added.";

  private static final Logger log = LoggerFactory.getLogger(DomainService.class);

  private final DomainRepository domains;
  private final MailDomainRepository mailDomains;
  private final DomainLookup lookup;
  private final DnsRecordService records;
  private final SiteRepository sites;
  private final DomainWorkflows workflows;
  private final DnsInstructions instructions;
  private final SiteUrls urls;

  DomainService(
      DomainRepository domains,
      DomainLookup lookup,
      DnsRecordService records,
      SiteRepository sites,
      DomainWorkflows workflows,
      DnsInstructions instructions,
      SiteUrls urls,
      MailDomainRepository mailDomains) {
    this.domains = domains;
    this.mailDomains = mailDomains;
    this.lookup = lookup;
    this.records = records;
    this.sites = sites;
    this.workflows = workflows;
    this.instructions = instructions;
    this.urls = urls;
  }

  /** The caller's domains that have not been removed, oldest first. */
  List<DomainSummary> domainsOf(Caller caller) {
    Map<Long, Site> siteById =
        sites.findByCustomerIdOrderById(caller.customerId()).stream()
            .collect(Collectors.toMap(Site::id, Function.identity()));
    return domains.findLiveByCustomerId(caller.customerId()).stream()
        .map(d -> DomainSummary.of(d, siteName(siteById.get(d.siteId()))))
        .toList();
  }

  /** The caller's sites a domain can be attached to: those that are set up. */
  List<SiteChoice> attachableSites(Caller caller) {
    return sites.findByCustomerIdOrderById(caller.customerId()).stream()
        .filter(DomainService::isLive)
        .map(site -> new SiteChoice(site.id(), site.name()))
        .toList();
  }

  /** The name servers customers of hosted DNS set at their registrar. */
  List<String> nameServers() {
    return instructions.nameServers();
  }

  /**
   * Checks the name, stores the domain and starts its workflow, which sets up the zone (hosted),
   * the site's route (when a site is given) and waits for DNS.
   */
  DomainSummary add(Caller caller, String typedName, DomainMode mode, Long siteId) {
    List<FieldProblem> problems = new ArrayList<>();
    String name = null;
    try {
      name = DomainNames.normalise(typedName, urls.platformDomain());
    } catch (InvalidInputException e) {
      problems.addAll(e.fields());
    }
    if (mode == null) {
      problems.add(
          new FieldProblem(
              MODE_FIELD,
              "Choose how DNS is run: HOSTED (Berth runs it) or EXTERNAL (you keep your DNS)."));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    Site site = siteId == null ? null : liveSite(caller.customerId(), siteId);
    if (domains.isNameTaken(name)) {
      throw taken(name);
    }
    Domain saved;
    try {
      saved = domains.save(Domain.added(caller.customerId(), name, mode, siteId));
    } catch (DataAccessException e) {
      if (isDuplicate(e)) {
        throw taken(name);
      }
      throw e;
    }
    start(DomainRequest.create(saved.id(), caller.customerId(), name, mode, siteId));
    return DomainSummary.of(saved, siteName(site));
  }

  /** The domain page's content. */
  DomainDetails details(Caller caller, long domainId) {
    return details(lookup.visible(caller, domainId));
  }

  /** A fresh snapshot for the live page, whose access was checked when it opened. */
  DomainDetails snapshot(long domainId) {
    return details(lookup.any(domainId));
  }

  /** Points the domain (and its {@code www.}) at one of the same customer's live sites. */
  SiteChoice attach(Caller caller, long domainId, Long siteId) {
    Domain domain = lookup.changeable(caller, domainId);
    if (siteId == null) {
      throw InvalidInputException.of(SITE_FIELD, "Choose the site to attach the domain to.");
    }
    liveSite(domain.customerId(), siteId);
    SiteEndpoint endpoint = workflows.attachSite(domainId, siteId);
    return new SiteChoice(endpoint.siteId(), endpoint.siteName());
  }

  /** Removes the domain's route to its site; the zone and its records stay. */
  void detach(Caller caller, long domainId) {
    Domain domain = lookup.changeable(caller, domainId);
    if (domain.siteId() == null) {
      throw new ConflictException(domain.name() + " is not attached to a site.");
    }
    workflows.detachSite(domainId);
  }

  /** Looks at DNS now instead of at the next scheduled check. */
  void checkNow(Caller caller, long domainId) {
    Domain domain = lookup.changeable(caller, domainId);
    if (!workflows.checkDnsNow(domainId)) {
      throw new ConflictException(
          domain.name() + " has no running workflow to check its DNS; contact support.");
    }
  }

  /**
   * Asks the workflow to remove the domain's route, zone and records; the domain shows as being
   * removed until it has. Asking again changes nothing. Answers with the status now.
   */
  DomainStatus remove(Caller caller, long domainId) {
    Domain domain = lookup.visible(caller, domainId);
    if (domain.status() == DomainStatus.REMOVED) {
      return DomainStatus.REMOVED;
    }
    if (mailDomains.findLiveByDomainId(domainId).isPresent()) {
      throw new ConflictException(
          domain.name()
              + " has email turned on: delete its mailboxes and turn email off first (Email page).");
    }
    if (!workflows.remove(domainId)) {
      // No workflow runs for it any more: nothing is left to undo, only the record to close.
      domains.updateStatus(domainId, DomainStatus.REMOVED, domain.siteId(), domain.reason());
      return DomainStatus.REMOVED;
    }
    domains.updateStatus(domainId, DomainStatus.REMOVING, domain.siteId(), null);
    return DomainStatus.REMOVING;
  }

  private void start(DomainRequest request) {
    try {
      workflows.start(request);
    } catch (RuntimeException e) {
      log.warn("Domain {} could not start its workflow: {}", request.domainId(), e.toString());
      domains.updateStatus(
          request.domainId(), DomainStatus.REMOVED, request.siteId(), START_FAILED_REASON);
      throw new ServiceUnavailableException(START_FAILED, e);
    }
  }

  private DomainDetails details(Domain domain) {
    List<Step> steps;
    boolean available = true;
    try {
      steps = workflows.progress(domain.id()).steps();
    } catch (RuntimeException e) {
      if (!(e instanceof ServiceUnavailableException) && !TemporalCalls.isUnreachable(e)) {
        log.warn("Could not read the progress of domain {}: {}", domain.id(), e.toString());
      }
      steps = DomainSteps.pending().steps();
      available = false;
    }
    String siteName =
        domain.siteId() == null ? null : siteName(sites.findById(domain.siteId()).orElse(null));
    DomainSummary summary = DomainSummary.of(domain, siteName);
    boolean hosted = summary.hosted();
    return new DomainDetails(
        summary,
        steps,
        available,
        hosted ? instructions.nameServers() : List.of(),
        hosted
            ? List.of()
            : instructions.recordsToCreate(domain.name(), domain.customerId(), domain.siteId()),
        hosted ? records.stored(domain.id()) : List.of());
  }

  /** The customer's site, set up and not cancelled; another customer's site is not found. */
  private Site liveSite(long customerId, long siteId) {
    Site site =
        sites
            .findByIdAndCustomerId(siteId, customerId)
            .orElseThrow(() -> new NotFoundException("site", siteId));
    if (!isLive(site)) {
      throw new ConflictException(
          SITE_FIELD,
          "Site "
              + site.name()
              + " is not live ("
              + site.status().name().toLowerCase(Locale.ROOT)
              + "); attach a domain to it once it is running.");
    }
    return site;
  }

  private static boolean isLive(Site site) {
    return site.status() == SiteStatus.RUNNING || site.status() == SiteStatus.STOPPED;
  }

  private static boolean isDuplicate(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof DuplicateKeyException
          || String.valueOf(t.getMessage()).contains("domain_name_live_uq")) {
        return true;
      }
    }
    return false;
  }

  private static String siteName(Site site) {
    return site == null ? null : site.name();
  }

  private static ConflictException taken(String name) {
    return new ConflictException(NAME_FIELD, name + " is already added to an account.");
  }
}
