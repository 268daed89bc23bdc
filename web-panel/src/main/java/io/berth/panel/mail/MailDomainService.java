package io.berth.panel.mail;

import io.berth.panel.common.Caller;
import io.berth.panel.common.ConflictException;
import io.berth.panel.common.InvalidInputException;
import io.berth.panel.common.NotFoundException;
import io.berth.panel.common.ServiceUnavailableException;
import io.berth.panel.common.TemporalCalls;
import io.berth.panel.plan.Allowances;
import io.berth.persistence.domain.Domain;
import io.berth.persistence.domain.DomainRepository;
import io.berth.persistence.mail.MailAliasRepository;
import io.berth.persistence.mail.MailDomain;
import io.berth.persistence.mail.MailDomainRepository;
import io.berth.persistence.mail.Mailbox;
import io.berth.persistence.mail.MailboxRepository;
import io.berth.workflows.domain.DomainMode;
import io.berth.workflows.mail.MailDnsRecord;
import io.berth.workflows.mail.MailDomainRequest;
import io.berth.workflows.mail.MailDomainStatus;
import io.berth.workflows.mail.MailDomainWorkflow;
import io.berth.workflows.mail.MailboxStatus;
import io.berth.workflows.progress.Step;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;

/**
 * Email on a customer's domains: turning it on stores the mail domain and starts {@code
 * maildomain-<id>} (DKIM key, DNS records, mail servers); its page follows that live and then shows
 * the mail DNS records; turning it off (once no mailboxes are left) signals the workflow and drops
 * the domain's aliases. The panel and the API call the same methods; another customer's domain or
 * mail domain is "not found".
 */
@Service
class MailDomainService {

  static final String DOMAIN_FIELD = "domainId";
  static final String START_FAILED =
      "Email could not be turned on because the workflow service is unreachable; nothing was set"
          + " up. Try again in a moment.";
  static final String START_FAILED_REASON =
      "Not turned on: the workflow service was unreachable when it was asked for.";

  private static final Logger log = LoggerFactory.getLogger(MailDomainService.class);
  private static final Set<MailboxStatus> LEFT =
      Set.of(MailboxStatus.CREATING, MailboxStatus.ACTIVE, MailboxStatus.FAILED);

  private final MailDomainRepository mailDomains;
  private final DomainRepository domains;
  private final MailboxRepository mailboxes;
  private final MailAliasRepository aliases;
  private final MailLookup lookup;
  private final MailWorkflows workflows;
  private final Allowances allowances;

  MailDomainService(
      MailDomainRepository mailDomains,
      DomainRepository domains,
      MailboxRepository mailboxes,
      MailAliasRepository aliases,
      MailLookup lookup,
      MailWorkflows workflows,
      Allowances allowances) {
    this.mailDomains = mailDomains;
    this.domains = domains;
    this.mailboxes = mailboxes;
    this.aliases = aliases;
    this.lookup = lookup;
    this.workflows = workflows;
    this.allowances = allowances;
  }

  /** The caller's domains (not removed), oldest first, each with its email. */
  List<DomainEmail> domainsOf(Caller caller) {
    Map<Long, MailDomain> emailByDomain =
        mailDomains.findLiveByCustomerId(caller.customerId()).stream()
            .collect(Collectors.toMap(MailDomain::domainId, Function.identity(), (a, b) -> b));
    return domains.findLiveByCustomerId(caller.customerId()).stream()
        .map(
            domain -> {
              MailDomain email = emailByDomain.get(domain.id());
              return new DomainEmail(
                  domain.id(),
                  domain.name(),
                  domain.mode(),
                  domain.status(),
                  email == null ? null : MailDomainSummary.of(email, domain.mode()),
                  email == null ? turnOnProblem(domain).orElse(null) : null);
            })
        .toList();
  }

  /** The caller's mail domains that are not turned off, by name. */
  List<MailDomainSummary> mailDomainsOf(Caller caller) {
    Map<Long, DomainMode> modes =
        domains.findLiveByCustomerId(caller.customerId()).stream()
            .collect(Collectors.toMap(Domain::id, Domain::mode));
    return mailDomains.findLiveByCustomerId(caller.customerId()).stream()
        .map(m -> MailDomainSummary.of(m, modes.getOrDefault(m.domainId(), DomainMode.EXTERNAL)))
        .toList();
  }

  /** The caller's mailbox and storage limits and their use. */
  MailLimits limits(Caller caller) {
    return MailLimits.of(allowances, caller.customerId());
  }

  /**
   * Turns email on for one of the caller's set-up domains: stores the mail domain and starts its
   * workflow, which makes the DKIM key, publishes (or lists) the mail DNS records and tells the
   * mail servers.
   */
  MailDomainSummary turnOn(Caller caller, Long domainId) {
    if (domainId == null) {
      throw InvalidInputException.of(DOMAIN_FIELD, "Choose the domain to turn email on for.");
    }
    Domain domain =
        domains
            .findById(domainId)
            .filter(d -> caller.canSee(d.customerId()))
            .orElseThrow(() -> new NotFoundException("domain", domainId));
    turnOnProblem(domain)
        .ifPresent(
            problem -> {
              throw new ConflictException(DOMAIN_FIELD, problem);
            });
    MailDomain saved;
    try {
      saved =
          mailDomains.save(MailDomain.creating(domain.customerId(), domain.id(), domain.name()));
    } catch (DataIntegrityViolationException e) {
      throw new ConflictException(
          DOMAIN_FIELD,
          "Email for " + domain.name() + " is still being turned off; try again in a moment.");
    }
    try {
      workflows.startDomain(
          new MailDomainRequest(saved.id(), saved.customerId(), false), domain.name());
    } catch (RuntimeException e) {
      log.warn("Mail domain {} could not start its workflow: {}", saved.id(), e.toString());
      mailDomains.updateStatus(saved.id(), MailDomainStatus.REMOVED, START_FAILED_REASON);
      throw new ServiceUnavailableException(START_FAILED, e);
    }
    return MailDomainSummary.of(saved, domain.mode());
  }

  /**
   * Turns email off once the domain has no mailboxes left: the workflow takes it off the mail
   * servers and DNS, and its aliases are dropped at once. Asking again changes nothing. Answers
   * with the status now.
   */
  MailDomainStatus turnOff(Caller caller, long mailDomainId) {
    MailDomain mailDomain = lookup.mailDomain(caller, mailDomainId);
    if (mailDomain.status() == MailDomainStatus.REMOVING) {
      return MailDomainStatus.REMOVING;
    }
    List<String> left =
        mailboxes.findStoredByMailDomainId(mailDomainId).stream()
            .filter(m -> LEFT.contains(m.status()))
            .map(Mailbox::address)
            .toList();
    if (!left.isEmpty()) {
      throw new ConflictException(
          mailDomain.name()
              + " still has "
              + (left.size() == 1 ? "1 mailbox" : left.size() + " mailboxes")
              + " ("
              + String.join(", ", left)
              + "): delete "
              + (left.size() == 1 ? "it" : "them")
              + " first, then turn email off.");
    }
    MailDomainStatus now;
    if (workflows.turnOff(mailDomainId)) {
      mailDomains.updateStatus(mailDomainId, MailDomainStatus.REMOVING, null);
      now = MailDomainStatus.REMOVING;
    } else {
      // No workflow runs for it any more: nothing is left on the servers, only the record to close.
      mailDomains.updateStatus(mailDomainId, MailDomainStatus.REMOVED, mailDomain.reason());
      now = MailDomainStatus.REMOVED;
    }
    aliases.deleteAll(aliases.findByMailDomainId(mailDomainId));
    return now;
  }

  /** The mail domain page's content. */
  MailDomainDetails details(Caller caller, long mailDomainId) {
    return details(lookup.mailDomain(caller, mailDomainId));
  }

  /** A fresh snapshot for the live page, whose access was checked when it opened. */
  MailDomainDetails snapshot(long mailDomainId) {
    return details(lookup.anyMailDomain(mailDomainId));
  }

  /** Why email cannot be turned on for the domain now; empty if it can. */
  private Optional<String> turnOnProblem(Domain domain) {
    Optional<MailDomain> existing = mailDomains.findLiveByDomainId(domain.id());
    if (existing.isPresent()) {
      return Optional.of(
          existing.get().status() == MailDomainStatus.REMOVING
              ? "Email for " + domain.name() + " is still being turned off; try again in a moment."
              : "Email is already on for " + domain.name() + ".");
    }
    return switch (domain.status()) {
      case WAITING_FOR_DNS, ACTIVE, DNS_NOT_SEEN -> Optional.empty();
      case SETTING_UP ->
          Optional.of(domain.name() + " is still being set up; turn on email once it is ready.");
      case FAILED ->
          Optional.of(
              domain.name()
                  + " could not be set up, and email needs a working domain: remove it and add"
                  + " it again.");
      case REMOVING, REMOVED -> Optional.of(domain.name() + " is being removed or was removed.");
    };
  }

  private MailDomainDetails details(MailDomain mailDomain) {
    DomainMode mode =
        domains.findById(mailDomain.domainId()).map(Domain::mode).orElse(DomainMode.EXTERNAL);
    List<Step> steps;
    boolean progressAvailable = true;
    try {
      steps = workflows.domainProgress(mailDomain.id()).steps();
    } catch (RuntimeException e) {
      warnUnlessUnreachable("progress", mailDomain, e);
      steps = MailDomainWorkflow.STEPS.stream().map(Step::pending).toList();
      progressAvailable = false;
    }
    List<MailDnsRecord> records = List.of();
    boolean recordsAvailable = true;
    if (mailDomain.status() == MailDomainStatus.ACTIVE) {
      try {
        Optional<List<MailDnsRecord>> answered = workflows.dnsRecords(mailDomain.id());
        records = answered.orElse(List.of());
        recordsAvailable = answered.isPresent();
      } catch (RuntimeException e) {
        warnUnlessUnreachable("DNS records", mailDomain, e);
        recordsAvailable = false;
      }
    }
    List<MailboxSummary> boxes =
        mailboxes.findStoredByMailDomainId(mailDomain.id()).stream()
            .map(m -> MailboxSummary.of(m, mailboxes.usedBytes(m.address())))
            .toList();
    List<AliasSummary> forwarders =
        aliases.findByMailDomainId(mailDomain.id()).stream().map(AliasSummary::of).toList();
    return new MailDomainDetails(
        MailDomainSummary.of(mailDomain, mode),
        steps,
        progressAvailable,
        records,
        recordsAvailable,
        boxes,
        forwarders,
        missingRoleAddresses(mailDomain, boxes, forwarders),
        MailLimits.of(allowances, mailDomain.customerId()));
  }

  /** RFC 2142's addresses with neither a live mailbox nor an alias. */
  private static List<String> missingRoleAddresses(
      MailDomain mailDomain, List<MailboxSummary> boxes, List<AliasSummary> forwarders) {
    Set<String> reached =
        boxes.stream()
            .filter(MailboxSummary::live)
            .map(MailboxSummary::localPart)
            .collect(Collectors.toSet());
    forwarders.stream()
        .filter(a -> !a.catchAll())
        .map(AliasSummary::localPart)
        .forEach(reached::add);
    return MailAddresses.ROLE_ADDRESSES.stream()
        .filter(role -> !reached.contains(role))
        .map(role -> role + "@" + mailDomain.name())
        .toList();
  }

  private static void warnUnlessUnreachable(
      String what, MailDomain mailDomain, RuntimeException e) {
    if (!(e instanceof ServiceUnavailableException) && !TemporalCalls.isUnreachable(e)) {
      log.warn("Could not read the {} of mail domain {}: {}", what, mailDomain.id(), e.toString());
    }
  }
}
