package io.berth.panel.domain;

import io.berth.panel.security.BerthUser;
import io.berth.workflows.domain.DnsRecordSet;
import io.berth.workflows.domain.DomainMode;
import io.berth.workflows.domain.DomainStatus;
import io.berth.workflows.progress.Step;
import io.berth.workflows.progress.StepState;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/domains}: add a domain, follow its set-up and DNS check, edit its hosted zone,
 * attach it to a site, remove it.
 */
@RestController
@RequestMapping("/api/v1/domains")
@Tag(name = "Domains")
class DomainApi {

  private final DomainService domains;
  private final DnsRecordService records;

  DomainApi(DomainService domains, DnsRecordService records) {
    this.domains = domains;
    this.records = records;
  }

  @GetMapping
  @Operation(summary = "Your domains that have not been removed, oldest first")
  List<DomainLine> domains(@AuthenticationPrincipal BerthUser user) {
    return domains.domainsOf(user.caller()).stream().map(DomainLine::of).toList();
  }

  @PostMapping
  @Operation(
      summary = "Add a domain you own",
      description =
          "201 once the domain is stored and its workflow started. mode HOSTED: Berth runs the"
              + " zone; set nameServers at your registrar. mode EXTERNAL: create recordsToCreate"
              + " at your DNS provider. siteId (optional) attaches it to one of your live sites."
              + " Follow the set-up with GET /api/v1/domains/{id}.")
  ResponseEntity<DomainAnswer> add(
      @AuthenticationPrincipal BerthUser user, @RequestBody DomainBody body) {
    DomainSummary added = domains.add(user.caller(), body.name(), mode(body.mode()), body.siteId());
    return ResponseEntity.created(URI.create("/api/v1/domains/" + added.id()))
        .body(DomainAnswer.of(domains.details(user.caller(), added.id())));
  }

  @GetMapping("/{id}")
  @Operation(summary = "One of your domains with its DNS check and the live state of each step")
  DomainAnswer domain(@AuthenticationPrincipal BerthUser user, @PathVariable long id) {
    return DomainAnswer.of(domains.details(user.caller(), id));
  }

  @DeleteMapping("/{id}")
  @Operation(
      summary = "Remove a domain: its route, zone and records",
      description = "202 once removal was requested; the domain is REMOVING until it is gone.")
  ResponseEntity<StatusAnswer> remove(
      @AuthenticationPrincipal BerthUser user, @PathVariable long id) {
    return ResponseEntity.accepted().body(new StatusAnswer(id, domains.remove(user.caller(), id)));
  }

  @PostMapping("/{id}/dns-check")
  @Operation(
      summary = "Look at DNS now instead of at the next scheduled check",
      description = "202 once asked; the result appears under dns in GET /api/v1/domains/{id}.")
  ResponseEntity<Void> checkDns(@AuthenticationPrincipal BerthUser user, @PathVariable long id) {
    domains.checkNow(user.caller(), id);
    return ResponseEntity.accepted().build();
  }

  @GetMapping("/{id}/records")
  @Operation(summary = "The record sets of a hosted zone (409 for external DNS)")
  List<DnsRecordSet> records(@AuthenticationPrincipal BerthUser user, @PathVariable long id) {
    return records.records(user.caller(), id);
  }

  @PutMapping("/{id}/records/{name}/{type}")
  @Operation(
      summary = "Create or replace one record set of a hosted zone",
      description =
          "name is relative to the zone (@ for the apex, www, _sip._tcp); type one of A, AAAA,"
              + " CNAME, MX, TXT, SRV, CAA, NS. The set is validated as a registrar would and"
              + " replaced in one atomic DNS UPDATE; 200 with the set as stored, 400 with what to"
              + " fix.")
  DnsRecordSet putRecordSet(
      @AuthenticationPrincipal BerthUser user,
      @PathVariable long id,
      @PathVariable String name,
      @PathVariable String type,
      @RequestBody RecordSetBody body) {
    return records.change(user.caller(), id, name, type, body.ttl(), body.values());
  }

  @DeleteMapping("/{id}/records/{name}/{type}")
  @Operation(summary = "Delete one record set of a hosted zone (204)")
  ResponseEntity<Void> deleteRecordSet(
      @AuthenticationPrincipal BerthUser user,
      @PathVariable long id,
      @PathVariable String name,
      @PathVariable String type) {
    records.delete(user.caller(), id, name, type);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/{id}/site")
  @Operation(summary = "Point the domain and its www. at one of your live sites")
  SiteAnswer attach(
      @AuthenticationPrincipal BerthUser user,
      @PathVariable long id,
      @RequestBody AttachBody body) {
    SiteChoice site = domains.attach(user.caller(), id, body.siteId());
    return new SiteAnswer(id, site.id(), site.name());
  }

  @DeleteMapping("/{id}/site")
  @Operation(summary = "Detach the domain from its site (204); the zone and its records stay")
  ResponseEntity<Void> detach(@AuthenticationPrincipal BerthUser user, @PathVariable long id) {
    domains.detach(user.caller(), id);
    return ResponseEntity.noContent().build();
  }

  /** HOSTED or EXTERNAL in any case; anything else is left to the service to refuse. */
  private static DomainMode mode(String mode) {
    return mode == null
        ? null
        : Arrays.stream(DomainMode.values())
            .filter(m -> m.name().equals(mode.strip().toUpperCase(Locale.ROOT)))
            .findFirst()
            .orElse(null);
  }

  record DomainBody(String name, String mode, Long siteId) {}

  record RecordSetBody(Long ttl, List<String> values) {}

  record AttachBody(Long siteId) {}

  record StatusAnswer(long id, DomainStatus status) {}

  record SiteAnswer(long domainId, long siteId, String siteName) {}

  record DnsAnswer(boolean seen, String found, String expected, Instant checkedAt) {

    static DnsAnswer of(DnsLook look) {
      return new DnsAnswer(look.seen(), look.found(), look.expected(), look.checkedAt());
    }
  }

  record DomainLine(
      long id,
      String name,
      DomainMode mode,
      DomainStatus status,
      Long siteId,
      String siteName,
      DnsAnswer dns) {

    static DomainLine of(DomainSummary domain) {
      return new DomainLine(
          domain.id(),
          domain.name(),
          domain.mode(),
          domain.status(),
          domain.siteId(),
          domain.siteName(),
          DnsAnswer.of(domain.dns()));
    }
  }

  record StepAnswer(String name, StepState state, int attempt, String error) {

    static StepAnswer of(Step step) {
      return new StepAnswer(step.name(), step.state(), step.attempt(), step.error());
    }
  }

  record RecordAnswer(String name, String type, String value) {

    static RecordAnswer of(RequiredRecord record) {
      return new RecordAnswer(record.name(), record.type(), record.value());
    }
  }

  record DomainAnswer(
      long id,
      String name,
      DomainMode mode,
      DomainStatus status,
      String reason,
      Long siteId,
      String siteName,
      DnsAnswer dns,
      List<String> nameServers,
      List<RecordAnswer> recordsToCreate,
      boolean progressAvailable,
      List<StepAnswer> steps) {

    static DomainAnswer of(DomainDetails details) {
      DomainSummary domain = details.domain();
      return new DomainAnswer(
          domain.id(),
          domain.name(),
          domain.mode(),
          domain.status(),
          domain.reason(),
          domain.siteId(),
          domain.siteName(),
          DnsAnswer.of(domain.dns()),
          details.nameServers(),
          details.recordsToCreate().stream().map(RecordAnswer::of).toList(),
          details.progressAvailable(),
          details.steps().stream().map(StepAnswer::of).toList());
    }
  }
}
