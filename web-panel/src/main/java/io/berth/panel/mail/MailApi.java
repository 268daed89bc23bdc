package io.berth.panel.mail;

import io.berth.panel.security.BerthUser;
import io.berth.workflows.domain.DomainMode;
import io.berth.workflows.mail.MailDnsRecord;
import io.berth.workflows.mail.MailDomainStatus;
import io.berth.workflows.mail.MailboxStatus;
import io.berth.workflows.progress.Step;
import io.berth.workflows.progress.StepState;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/mail}: email on the caller's domains, their mailboxes and aliases. Passwords go
 * in, never out: no answer carries a password or its hash.
 */
@RestController
@RequestMapping("/api/v1/mail")
@Tag(name = "Email")
class MailApi {

  private final MailDomainService mailDomains;
  private final MailboxService mailboxes;
  private final AliasService aliases;

  MailApi(MailDomainService mailDomains, MailboxService mailboxes, AliasService aliases) {
    this.mailDomains = mailDomains;
    this.mailboxes = mailboxes;
    this.aliases = aliases;
  }

  @GetMapping("/domains")
  @Operation(summary = "Your domains with email on (or being set up or turned off), by name")
  List<MailDomainLine> mailDomains(@AuthenticationPrincipal BerthUser user) {
    return mailDomains.mailDomainsOf(user.caller()).stream().map(MailDomainLine::of).toList();
  }

  @PostMapping("/domains")
  @Operation(
      summary = "Turn on email for one of your domains",
      description =
          "Body {\"domainId\": n}: a domain of yours that is set up (waiting for DNS or active)."
              + " 202 once stored and its workflow started (CREATING): it makes the domain's DKIM"
              + " key, publishes MX, SPF, DKIM and DMARC (hosted DNS) or lists them for you to add"
              + " (external DNS), and tells the mail servers; then ACTIVE. Follow it with GET"
              + " /api/v1/mail/domains/{id}. 409 when email is already on.")
  ResponseEntity<MailDomainAnswer> turnOn(
      @AuthenticationPrincipal BerthUser user, @RequestBody TurnOnBody body) {
    MailDomainSummary on = mailDomains.turnOn(user.caller(), body.domainId());
    return ResponseEntity.accepted()
        .location(URI.create("/api/v1/mail/domains/" + on.id()))
        .body(MailDomainAnswer.of(mailDomains.details(user.caller(), on.id())));
  }

  @GetMapping("/domains/{id}")
  @Operation(
      summary = "Email on one of your domains: its set-up steps and mail DNS records",
      description =
          "dnsRecords: once ACTIVE, the records email needs (published for you on hosted DNS;"
              + " add them at your DNS provider for external DNS). DMARC starts with p=none,"
              + " which only reports; tighten it to p=quarantine, then p=reject once the reports"
              + " show only your own servers sending. dnsRecordsAvailable is false when the"
              + " workflow could not be asked.")
  MailDomainAnswer mailDomain(@AuthenticationPrincipal BerthUser user, @PathVariable long id) {
    return MailDomainAnswer.of(mailDomains.details(user.caller(), id));
  }

  @DeleteMapping("/domains/{id}")
  @Operation(
      summary = "Turn off email for a domain",
      description =
          "Only once it has no mailboxes left (409 naming them otherwise). Its aliases are"
              + " dropped at once; 202 with REMOVING until the workflow has taken it off the mail"
              + " servers and DNS.")
  ResponseEntity<StatusAnswer> turnOff(
      @AuthenticationPrincipal BerthUser user, @PathVariable long id) {
    return ResponseEntity.accepted()
        .body(new StatusAnswer(id, mailDomains.turnOff(user.caller(), id)));
  }

  @GetMapping("/domains/{id}/mailboxes")
  @Operation(summary = "The mail domain's mailboxes, deleted ones whose mail is kept included")
  List<MailboxAnswer> mailboxes(@AuthenticationPrincipal BerthUser user, @PathVariable long id) {
    return mailboxes.mailboxesOf(user.caller(), id).stream().map(this::answer).toList();
  }

  @PostMapping("/domains/{id}/mailboxes")
  @Operation(
      summary = "Create a mailbox",
      description =
          "Body {\"localPart\", \"displayName\"?, \"password\", \"quotaMb\"}. localPart: letters,"
              + " digits and . - _ + (lower-cased), no dot at either end or twice in a row, at most"
              + " 64; system names (root, mailer-daemon, noreply, …) are reserved, postmaster and"
              + " abuse are not. password: at least 10 characters of two kinds, at most 72 bytes;"
              + " only its bcrypt hash is stored. quotaMb: at least 10, within what your plan's"
              + " mail storage has left. 201 with the mailbox (CREATING, then ACTIVE) and the"
              + " settings a mail client needs; 400 / 409 name the field at fault.")
  ResponseEntity<MailboxAnswer> createMailbox(
      @AuthenticationPrincipal BerthUser user,
      @PathVariable long id,
      @RequestBody MailboxBody body) {
    MailboxSummary created =
        mailboxes.create(
            user.caller(),
            id,
            new NewMailbox(body.localPart(), body.displayName(), body.password(), body.quotaMb()));
    return ResponseEntity.created(URI.create("/api/v1/mail/mailboxes/" + created.id()))
        .body(answer(created));
  }

  @GetMapping("/mailboxes/{id}")
  @Operation(summary = "One of your mailboxes with its usage and mail client settings")
  MailboxAnswer mailbox(@AuthenticationPrincipal BerthUser user, @PathVariable long id) {
    return answer(mailboxes.mailbox(user.caller(), id));
  }

  @PatchMapping("/mailboxes/{id}")
  @Operation(
      summary = "Change a mailbox's password, quota and/or display name",
      description =
          "Body with any of {\"password\", \"quotaMb\", \"displayName\"} (\"\" removes the display"
              + " name). All given changes are applied, or none. The mail servers use them at"
              + " once. A quota may not be below what the mailbox holds.")
  MailboxAnswer changeMailbox(
      @AuthenticationPrincipal BerthUser user,
      @PathVariable long id,
      @RequestBody MailboxBody body) {
    return answer(
        mailboxes.change(
            user.caller(),
            id,
            new MailboxChange(body.password(), body.quotaMb(), body.displayName())));
  }

  @DeleteMapping("/mailboxes/{id}")
  @Operation(
      summary = "Delete a mailbox",
      description =
          "202: it stops receiving mail and logging in at once. Its mail is kept until"
              + " purgeAfter (the retention period), then removed; until then its address stays"
              + " taken.")
  ResponseEntity<MailboxAnswer> deleteMailbox(
      @AuthenticationPrincipal BerthUser user, @PathVariable long id) {
    return ResponseEntity.accepted().body(answer(mailboxes.delete(user.caller(), id)));
  }

  @GetMapping("/domains/{id}/aliases")
  @Operation(summary = "The mail domain's aliases (forwarders) and catch-all, by address")
  List<AliasAnswer> aliases(@AuthenticationPrincipal BerthUser user, @PathVariable long id) {
    return aliases.aliasesOf(user.caller(), id).stream().map(AliasAnswer::of).toList();
  }

  @PostMapping("/domains/{id}/aliases")
  @Operation(
      summary = "Create an alias (forwarder) or the catch-all",
      description =
          "Body {\"localPart\", \"destinations\": [addresses]}; localPart \"*\" makes the"
              + " catch-all (one per domain). A destination on one of your mail domains must be a"
              + " mailbox or an alias; no alias may forward to itself or make a loop. 201; the"
              + " mail servers use it at once.")
  ResponseEntity<AliasAnswer> createAlias(
      @AuthenticationPrincipal BerthUser user, @PathVariable long id, @RequestBody AliasBody body) {
    AliasSummary created = aliases.create(user.caller(), id, body.localPart(), body.destinations());
    return ResponseEntity.created(URI.create("/api/v1/mail/aliases/" + created.id()))
        .body(AliasAnswer.of(created));
  }

  @DeleteMapping("/aliases/{id}")
  @Operation(
      summary = "Delete an alias (204)",
      description = "409 while another of your aliases forwards to it.")
  ResponseEntity<Void> deleteAlias(@AuthenticationPrincipal BerthUser user, @PathVariable long id) {
    aliases.delete(user.caller(), id);
    return ResponseEntity.noContent().build();
  }

  private MailboxAnswer answer(MailboxSummary mailbox) {
    return MailboxAnswer.of(
        mailbox, mailbox.live() ? mailboxes.clientSettings(mailbox.address()) : null);
  }

  record TurnOnBody(Long domainId) {}

  record MailboxBody(String localPart, String displayName, String password, Integer quotaMb) {

    @Override
    public String toString() {
      return "MailboxBody[localPart=" + localPart + ", quotaMb=" + quotaMb + "]";
    }
  }

  record AliasBody(String localPart, List<String> destinations) {}

  record StatusAnswer(long id, MailDomainStatus status) {}

  record StepAnswer(String name, StepState state, int attempt, String error) {

    static StepAnswer of(Step step) {
      return new StepAnswer(step.name(), step.state(), step.attempt(), step.error());
    }
  }

  record LimitsAnswer(int maxMailboxes, int mailboxes, int mailStorageMb, int usedStorageMb) {

    static LimitsAnswer of(MailLimits limits) {
      return new LimitsAnswer(
          limits.maxMailboxes(), limits.mailboxes(), limits.storageMb(), limits.usedStorageMb());
    }
  }

  record MailDomainLine(
      long id, long domainId, String name, DomainMode dnsMode, MailDomainStatus status) {

    static MailDomainLine of(MailDomainSummary mailDomain) {
      return new MailDomainLine(
          mailDomain.id(),
          mailDomain.domainId(),
          mailDomain.name(),
          mailDomain.mode(),
          mailDomain.status());
    }
  }

  record MailDomainAnswer(
      long id,
      long domainId,
      String name,
      DomainMode dnsMode,
      MailDomainStatus status,
      String reason,
      boolean progressAvailable,
      List<StepAnswer> steps,
      boolean dnsRecordsAvailable,
      List<MailDnsRecord> dnsRecords,
      LimitsAnswer limits) {

    static MailDomainAnswer of(MailDomainDetails details) {
      MailDomainSummary mailDomain = details.mailDomain();
      return new MailDomainAnswer(
          mailDomain.id(),
          mailDomain.domainId(),
          mailDomain.name(),
          mailDomain.mode(),
          mailDomain.status(),
          mailDomain.reason(),
          details.progressAvailable(),
          details.steps().stream().map(StepAnswer::of).toList(),
          details.dnsRecordsAvailable(),
          details.dnsRecords(),
          LimitsAnswer.of(details.limits()));
    }
  }

  record MailboxAnswer(
      long id,
      long mailDomainId,
      String address,
      String displayName,
      int quotaMb,
      long usedBytes,
      MailboxStatus status,
      String reason,
      Instant purgeAfter,
      ClientSettings client) {

    static MailboxAnswer of(MailboxSummary mailbox, ClientSettings client) {
      return new MailboxAnswer(
          mailbox.id(),
          mailbox.mailDomainId(),
          mailbox.address(),
          mailbox.displayName(),
          mailbox.quotaMb(),
          mailbox.usedBytes(),
          mailbox.status(),
          mailbox.reason(),
          mailbox.purgeAfter(),
          client);
    }
  }

  record AliasAnswer(
      long id, long mailDomainId, String address, boolean catchAll, List<String> destinations) {

    static AliasAnswer of(AliasSummary alias) {
      return new AliasAnswer(
          alias.id(),
          alias.mailDomainId(),
          alias.address(),
          alias.catchAll(),
          alias.destinations());
    }
  }
}
