package io.berth.panel.mail;

import io.berth.panel.common.Caller;
import io.berth.panel.common.ConflictException;
import io.berth.panel.common.FieldProblem;
import io.berth.panel.common.InvalidInputException;
import io.berth.panel.common.ServiceUnavailableException;
import io.berth.persistence.mail.MailDomain;
import io.berth.persistence.mail.MailPasswordHashes;
import io.berth.persistence.mail.Mailbox;
import io.berth.persistence.mail.MailboxRepository;
import io.berth.workflows.mail.MailboxRequest;
import io.berth.workflows.mail.MailboxStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;

/**
 * A customer's mailboxes: create (password hashed here, row stored, then {@code mailbox-<id>}
 * started: a password never enters a workflow), change the password, quota or display name (row
 * updates the mail servers read at once), and delete (its mail kept for the retention period, then
 * removed by the workflow's timer). The panel and the API call the same methods; another customer's
 * mailbox is "not found".
 */
@Service
class MailboxService {

  static final String LOCAL_PART_FIELD = "localPart";
  static final String DISPLAY_NAME_FIELD = "displayName";
  static final String PASSWORD_FIELD = "password";
  static final String QUOTA_FIELD = "quotaMb";

  /** A problem with the request as a whole. */
  static final String BODY_FIELD = "body";

  static final String START_FAILED =
      "Your mailbox could not be created because the workflow service is unreachable; nothing was"
          + " set up. Try again in a moment.";
  static final String START_FAILED_REASON =
      "Not created: the workflow service was unreachable when it was asked for.";
  static final String NOTHING_KEPT = "Deleted; it held no mail, so nothing was kept.";

  private static final Logger log = LoggerFactory.getLogger(MailboxService.class);

  private final MailboxRepository mailboxes;
  private final MailLookup lookup;
  private final MailboxBook book;
  private final MailWorkflows workflows;
  private final MailProperties properties;
  private final Clock clock;

  MailboxService(
      MailboxRepository mailboxes,
      MailLookup lookup,
      MailboxBook book,
      MailWorkflows workflows,
      MailProperties properties,
      Clock clock) {
    this.mailboxes = mailboxes;
    this.lookup = lookup;
    this.book = book;
    this.workflows = workflows;
    this.properties = properties;
    this.clock = clock;
  }

  /** The mail domain's mailboxes whose mail is stored (live, or deleted and kept), by address. */
  List<MailboxSummary> mailboxesOf(Caller caller, long mailDomainId) {
    MailDomain mailDomain = lookup.mailDomain(caller, mailDomainId);
    return mailboxes.findStoredByMailDomainId(mailDomain.id()).stream().map(this::summary).toList();
  }

  MailboxSummary mailbox(Caller caller, long mailboxId) {
    return summary(lookup.mailbox(caller, mailboxId));
  }

  /** How long a deleted mailbox's mail is kept. */
  Duration retention() {
    return properties.retention();
  }

  /** What a mail client needs for this address. */
  ClientSettings clientSettings(String address) {
    return ClientSettings.of(properties, address);
  }

  /**
   * Checks every field, then (under the customer's lock) the plan and the address, stores the
   * mailbox with its password's hash and starts its workflow, which makes it active.
   */
  MailboxSummary create(Caller caller, long mailDomainId, NewMailbox input) {
    MailDomain mailDomain = lookup.openMailDomain(caller, mailDomainId);
    String localPart = MailAddresses.tidy(input.localPart());
    String displayName = MailboxRules.tidyDisplayName(input.displayName());
    List<FieldProblem> problems = new ArrayList<>();
    MailAddresses.localPartProblem(localPart)
        .ifPresent(p -> problems.add(new FieldProblem(LOCAL_PART_FIELD, p)));
    MailboxRules.displayNameProblem(displayName)
        .ifPresent(p -> problems.add(new FieldProblem(DISPLAY_NAME_FIELD, p)));
    MailboxRules.passwordProblem(input.password())
        .ifPresent(p -> problems.add(new FieldProblem(PASSWORD_FIELD, p)));
    MailboxRules.quotaProblem(input.quotaMb())
        .ifPresent(p -> problems.add(new FieldProblem(QUOTA_FIELD, p)));
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    String hash = MailPasswordHashes.hash(input.password());
    Mailbox saved;
    try {
      saved = book.create(mailDomain, localPart, displayName, hash, input.quotaMb());
    } catch (DataIntegrityViolationException e) {
      if (String.valueOf(e.getMessage()).contains("mailbox_address_live_uq")) {
        throw new ConflictException(
            LOCAL_PART_FIELD,
            localPart + "@" + mailDomain.name() + " is already a mailbox; choose another address.");
      }
      throw e;
    }
    try {
      workflows.startMailbox(
          new MailboxRequest(saved.id(), saved.customerId(), properties.retention(), false),
          mailDomain.name());
    } catch (RuntimeException e) {
      log.warn("Mailbox {} could not start its workflow: {}", saved.id(), e.toString());
      mailboxes.updateStatus(saved.id(), MailboxStatus.PURGED, START_FAILED_REASON);
      throw new ServiceUnavailableException(START_FAILED, e);
    }
    return summary(saved);
  }

  /** Changes the password, quota and/or display name; all of them or none. */
  MailboxSummary change(Caller caller, long mailboxId, MailboxChange change) {
    Mailbox mailbox = lookup.mailbox(caller, mailboxId);
    if (change.isEmpty()) {
      throw InvalidInputException.of(
          BODY_FIELD, "Nothing to change: give a new password, quotaMb or displayName.");
    }
    String displayName = MailboxRules.tidyDisplayName(change.displayName());
    List<FieldProblem> problems = new ArrayList<>();
    if (change.password() != null) {
      MailboxRules.passwordProblem(change.password())
          .ifPresent(p -> problems.add(new FieldProblem(PASSWORD_FIELD, p)));
    }
    if (change.quotaMb() != null) {
      MailboxRules.quotaProblem(change.quotaMb())
          .ifPresent(p -> problems.add(new FieldProblem(QUOTA_FIELD, p)));
    }
    MailboxRules.displayNameProblem(displayName)
        .ifPresent(p -> problems.add(new FieldProblem(DISPLAY_NAME_FIELD, p)));
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    if (!mailbox.isLive()) {
      throw MailboxBook.gone(mailbox);
    }
    String hash = change.password() == null ? null : MailPasswordHashes.hash(change.password());
    book.change(mailbox, hash, change.quotaMb(), change.displayName() != null, displayName);
    return mailbox(caller, mailboxId);
  }

  /**
   * Deletes the mailbox: its mail stops at once (it no longer receives or logs in) and is kept
   * until the retention period ends, when its workflow removes it. Asking again changes nothing.
   */
  MailboxSummary delete(Caller caller, long mailboxId) {
    Mailbox mailbox = lookup.mailbox(caller, mailboxId);
    if (mailbox.status() == MailboxStatus.DELETED) {
      return summary(mailbox);
    }
    Instant purgeAfter = clock.instant().plus(properties.retention());
    if (workflows.deleteMailbox(mailboxId)) {
      mailboxes.markDeleted(mailboxId, purgeAfter);
    } else if (mailboxes.usedBytes(mailbox.address()) == 0) {
      // No workflow runs for it (it failed, or never started) and it holds nothing to keep.
      mailboxes.updateStatus(mailboxId, MailboxStatus.PURGED, NOTHING_KEPT);
    } else {
      log.warn(
          "Mailbox {} has mail but no workflow to remove it after its retention period", mailboxId);
      mailboxes.markDeleted(mailboxId, purgeAfter);
    }
    return mailboxes.findById(mailboxId).map(this::summary).orElseThrow();
  }

  private MailboxSummary summary(Mailbox mailbox) {
    return MailboxSummary.of(mailbox, mailboxes.usedBytes(mailbox.address()));
  }
}
