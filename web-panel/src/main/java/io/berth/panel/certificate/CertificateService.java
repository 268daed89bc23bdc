package io.berth.panel.certificate;

import io.berth.panel.common.Caller;
import io.berth.panel.common.ConflictException;
import io.berth.panel.common.NotFoundException;
import io.berth.panel.common.ServiceUnavailableException;
import io.berth.panel.common.TemporalCalls;
import io.berth.persistence.certificate.CertificateRepository;
import io.berth.persistence.certificate.CertificateRow;
import io.berth.persistence.domain.Domain;
import io.berth.persistence.domain.DomainRepository;
import io.berth.persistence.site.Site;
import io.berth.persistence.site.SiteRepository;
import io.berth.workflows.certificate.CertificatePolicy;
import io.berth.workflows.certificate.CertificateState;
import io.berth.workflows.certificate.CertificateStatus;
import io.berth.workflows.certificate.CertificateSubject;
import io.berth.workflows.certificate.CertificateWorkflow;
import io.berth.workflows.domain.DomainStatus;
import io.berth.workflows.progress.Step;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * HTTPS of a customer's sites: the certificate served now (from the platform DB) and what its
 * workflow is doing (steps, failures, next attempt), and "retry now". The panel and the API call
 * the same methods; another customer's site is "not found".
 */
@Service
public class CertificateService {

  static final String NO_DOMAIN =
      "HTTPS comes with a domain: attach one of your domains to this site and a certificate is"
          + " issued for it (and its www.) once its DNS points here. The site's own address on the"
          + " platform is covered by the platform's certificate.";
  static final String NOT_RUNNING =
      "No certificate is being issued for this site yet: it starts once its domain's DNS points"
          + " here. Check the domain's DNS, or try again in a moment.";

  private static final Logger log = LoggerFactory.getLogger(CertificateService.class);

  private final SiteRepository sites;
  private final DomainRepository domains;
  private final CertificateRepository certificates;
  private final CertificateWorkflows workflows;
  private final ProxyProperties proxy;

  CertificateService(
      SiteRepository sites,
      DomainRepository domains,
      CertificateRepository certificates,
      CertificateWorkflows workflows,
      ProxyProperties proxy) {
    this.sites = sites;
    this.domains = domains;
    this.certificates = certificates;
    this.workflows = workflows;
    this.proxy = proxy;
  }

  /** HTTPS of one of the caller's sites. */
  public CertificateDetails details(Caller caller, long siteId) {
    return details(visible(caller, siteId));
  }

  /** A fresh snapshot for the live page, whose access was checked when it opened. */
  public CertificateDetails snapshot(long siteId) {
    return sites
        .findById(siteId)
        .map(this::details)
        .orElseThrow(() -> new NotFoundException("site", siteId));
  }

  /** The platform's wildcard certificate, for support staff. */
  public CertificateDetails platform() {
    return details(CertificateSubject.PLATFORM, null, List.of());
  }

  /**
   * Asks the site's certificate workflow to try again now instead of after its backoff.
   *
   * @throws ConflictException when the site has no domain or no certificate workflow runs
   */
  public void retryNow(Caller caller, long siteId) {
    Site site = visible(caller, siteId);
    if (attachedDomains(site.id()).isEmpty()) {
      throw new ConflictException(NO_DOMAIN);
    }
    if (!workflows.retryNow(CertificateSubject.site(siteId))) {
      throw new ConflictException(NOT_RUNNING);
    }
  }

  /** Support: asks the platform certificate's workflow to try again now. */
  public void retryPlatform(Caller caller) {
    if (!caller.support()) {
      throw new NotFoundException("The platform certificate is managed by support staff.");
    }
    if (!workflows.retryNow(CertificateSubject.PLATFORM)) {
      throw new ConflictException(
          "The platform certificate's workflow ("
              + CertificateWorkflow.PLATFORM_ID
              + ") is not"
              + " running; start it from the worker's configuration.");
    }
  }

  private CertificateDetails details(Site site) {
    List<String> names = attachedDomains(site.id());
    return details(CertificateSubject.site(site.id()), site.name(), names);
  }

  private CertificateDetails details(
      CertificateSubject subject, String siteName, List<String> attached) {
    boolean hasNames = subject.isPlatform() || !attached.isEmpty();
    CertificateRow row = hasNames ? certificates.findInstalled(subject.key()).orElse(null) : null;
    List<Step> steps;
    Optional<CertificateState> state;
    boolean available = true;
    try {
      steps = workflows.progress(subject).steps();
      state = workflows.state(subject);
    } catch (RuntimeException e) {
      if (!(e instanceof ServiceUnavailableException) && !TemporalCalls.isUnreachable(e)) {
        log.warn("Could not read the certificate workflow of {}: {}", subject.key(), e.toString());
      }
      steps = CertificateWorkflow.STEPS.stream().map(Step::pending).toList();
      state = Optional.empty();
      available = false;
    }
    CertificateState current = state.orElse(null);
    Padlock padlock = row == null ? null : padlock(row, current);
    return new CertificateDetails(
        subject,
        siteName,
        status(current, padlock, hasNames),
        attached,
        padlock,
        current == null ? null : current.lastFailure(),
        current == null ? null : current.nextAttemptAt(),
        steps,
        available,
        current != null,
        padlock == null ? List.of() : urls(padlock));
  }

  private static HttpsStatus status(CertificateState state, Padlock padlock, boolean hasNames) {
    if (state != null && state.status() != null) {
      return of(state.status());
    }
    if (padlock != null) {
      return HttpsStatus.ISSUED;
    }
    return hasNames ? HttpsStatus.PENDING : HttpsStatus.NO_DOMAIN;
  }

  private static HttpsStatus of(CertificateStatus status) {
    return switch (status) {
      case ISSUING -> HttpsStatus.ISSUING;
      case ISSUED -> HttpsStatus.ISSUED;
      case RENEWING -> HttpsStatus.RENEWING;
      case FAILING -> HttpsStatus.FAILING;
      case REMOVED -> HttpsStatus.REMOVED;
    };
  }

  /**
   * The stored certificate, renewing when the workflow scheduled it, else two thirds into its
   * lifetime (the workflow's default policy).
   */
  private static Padlock padlock(CertificateRow row, CertificateState state) {
    Instant renewsAt =
        state != null && state.status() == CertificateStatus.ISSUED && state.nextAttemptAt() != null
            ? state.nextAttemptAt()
            : CertificatePolicy.defaults().renewalAt(row.notBefore(), row.notAfter());
    return new Padlock(
        row.serial(), row.issuer(), row.nameList(), row.notBefore(), row.notAfter(), renewsAt);
  }

  private List<String> urls(Padlock padlock) {
    return padlock.names().stream()
        .filter(name -> !name.startsWith("*."))
        .map(proxy::httpsUrl)
        .toList();
  }

  /** The names of the site's domains that are attached and not being removed. */
  private List<String> attachedDomains(long siteId) {
    return domains.findLiveBySiteId(siteId).stream()
        .filter(d -> d.status() != DomainStatus.REMOVING && d.status() != DomainStatus.REMOVED)
        .map(Domain::name)
        .toList();
  }

  private Site visible(Caller caller, long siteId) {
    return sites
        .findById(siteId)
        .filter(site -> caller.canSee(site.customerId()))
        .orElseThrow(() -> new NotFoundException("site", siteId));
  }
}
