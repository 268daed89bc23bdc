package io.berth.activities.mail;

import io.berth.activities.common.PermanentException;
import io.berth.activities.dns.DnsZones;
import io.berth.activities.dns.PresentationForm;
import io.berth.activities.dns.RecordType;
import io.berth.activities.dns.RecordValidator;
import io.berth.persistence.domain.DnsRecordSetRepository;
import io.berth.persistence.domain.DnsRecordSetRow;
import io.berth.persistence.domain.Domain;
import io.berth.persistence.domain.DomainRepository;
import io.berth.persistence.mail.MailDomain;
import io.berth.persistence.mail.MailDomainRepository;
import io.berth.persistence.mail.Mailbox;
import io.berth.persistence.mail.MailboxRepository;
import io.berth.persistence.secret.SecretStore;
import io.berth.workflows.common.FailureType;
import io.berth.workflows.domain.DomainMode;
import io.berth.workflows.domain.DomainStatus;
import io.berth.workflows.mail.MailDnsRecord;
import io.berth.workflows.mail.MailDomainActivities;
import io.berth.workflows.mail.MailDomainStatus;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * Email on a domain, on {@code berth-control}: the DKIM key (private part in the {@link
 * SecretStore}, public part on the {@code mail_domain} row) and the mail records in the domain's
 * zone ({@link DnsZones}), stored as managed record sets beside the customer's own.
 *
 * <p>DNS changes hold the domain's row lock, as the DNS editor's do, so the two never interleave.
 * Every set is validated before the first UPDATE is sent; each UPDATE replaces one set and is
 * stored after the server took it, so a retry sends the same UPDATEs (changing nothing, not even
 * the SOA serial) and the same upserts. The apex TXT set is shared: the customer's values there
 * (e.g. a site verification) stay, only an SPF value is Berth's.
 */
public class MailDomainActivitiesImpl implements MailDomainActivities {

  /** Width of {@code mail_domain.reason}. */
  static final int MAX_REASON = 1000;

  private final MailDomainRepository mailDomains;
  private final MailboxRepository mailboxes;
  private final DomainRepository domains;
  private final DnsRecordSetRepository recordSets;
  private final SecretStore secrets;
  private final DnsZones zones;
  private final JdbcClient jdbc;
  private final MailProperties mail;

  public MailDomainActivitiesImpl(
      MailDomainRepository mailDomains,
      MailboxRepository mailboxes,
      DomainRepository domains,
      DnsRecordSetRepository recordSets,
      SecretStore secrets,
      DnsZones zones,
      JdbcClient jdbc,
      MailProperties mail) {
    this.mailDomains = mailDomains;
    this.mailboxes = mailboxes;
    this.domains = domains;
    this.recordSets = recordSets;
    this.secrets = secrets;
    this.zones = zones;
    this.jdbc = jdbc;
    this.mail = mail;
  }

  /**
   * The private key is stored first and the public key derived from whatever is stored, so a retry
   * after a crash between the two writes finishes with the same key.
   */
  @Override
  @Transactional
  public void ensureDkimKey(long mailDomainId) {
    MailDomain mailDomain = lockedMailDomain(mailDomainId);
    requireNotRemoved(mailDomain);
    String secret = mailDomain.dkimKeySecret();
    if (mailDomain.dkimPublicKey() != null) {
      Optional<String> stored = secrets.read(secret);
      if (stored.isPresent()
          && DkimKeys.publicKeyOf(stored.get()).equals(mailDomain.dkimPublicKey())) {
        return;
      }
      throw new PermanentException(
          FailureType.CONFLICT,
          "The DKIM public key of "
              + mailDomain.name()
              + " does not match "
              + (stored.isPresent() ? "its stored private key" : "any stored private key")
              + ": clear mail_domain.dkim_public_key of mail domain "
              + mailDomainId
              + " to make a new key pair.");
    }
    String pem = secrets.getOrCreate(secret, DkimKeys::generatePem);
    mailDomains.storePublicKeyOnce(mailDomainId, DkimKeys.publicKeyOf(pem));
  }

  @Override
  @Transactional
  public List<MailDnsRecord> publishDnsRecords(long mailDomainId) {
    MailDomain mailDomain = mailDomain(mailDomainId);
    requireNotRemoved(mailDomain);
    if (mailDomain.dkimPublicKey() == null) {
      throw new PermanentException(
          FailureType.NOT_FOUND,
          "The DKIM key of " + mailDomain.name() + " has not been made yet.");
    }
    List<MailDnsRecord> records =
        MailDnsRecords.of(mail, mailDomain.dkimSelector(), mailDomain.dkimPublicKey());
    Domain domain = lockedDomain(mailDomain);
    if (domain.status() == DomainStatus.REMOVING || domain.status() == DomainStatus.REMOVED) {
      throw invalid("Domain " + domain.name() + " is being removed: email cannot be turned on.");
    }
    if (domain.mode() != DomainMode.HOSTED) {
      return records;
    }
    List<PlannedSet> plan = new ArrayList<>();
    for (MailDnsRecord record : records) {
      plan.add(publishing(domain, record));
    }
    apply(domain, plan);
    return records;
  }

  @Override
  @Transactional
  public void withdrawDnsRecords(long mailDomainId) {
    MailDomain mailDomain = mailDomain(mailDomainId);
    Domain domain = lockedDomain(mailDomain);
    if (domain.mode() != DomainMode.HOSTED
        || domain.status() == DomainStatus.REMOVED
        || mailDomains.isNameLiveElsewhere(mailDomain.name(), mailDomain.id())) {
      return;
    }
    List<MailDnsRecord> ours =
        mailDomain.dkimPublicKey() == null
            ? List.of(MailDnsRecords.mx(mail), MailDnsRecords.spf(mail), MailDnsRecords.dmarc(mail))
            : MailDnsRecords.of(mail, mailDomain.dkimSelector(), mailDomain.dkimPublicKey());
    List<PlannedSet> plan = new ArrayList<>();
    for (MailDnsRecord record : ours) {
      withdrawing(domain, record).ifPresent(plan::add);
    }
    apply(domain, plan);
  }

  @Override
  @Transactional
  public void recordMailDomain(long mailDomainId, MailDomainStatus status, String reason) {
    mailDomains.updateStatus(mailDomainId, status, clip(reason));
  }

  @Override
  public List<Long> liveMailboxes(long mailDomainId) {
    return mailboxes.findStoredByMailDomainId(mailDomainId).stream()
        .filter(Mailbox::isLive)
        .map(Mailbox::id)
        .toList();
  }

  /** A record set as it will be on the server and in {@code dns_record_set}; no values: deleted. */
  private record PlannedSet(
      String name, RecordType type, long ttl, List<String> values, boolean managed) {}

  /** The mail record as it will be published: the apex TXT set keeps the customer's values. */
  private PlannedSet publishing(Domain domain, MailDnsRecord record) {
    RecordType type = RecordType.of(record.type());
    Optional<DnsRecordSetRow> existing = row(domain, record.name(), type);
    if (!sharedApexTxt(record.name(), type) || existing.isEmpty()) {
      return validated(domain, record.name(), type, record.ttl(), record.values(), true);
    }
    List<String> values = new ArrayList<>();
    for (String value : existing.get().values()) {
      if (!MailDnsRecords.isSpf(TxtChunks.text(value))) {
        values.add(value);
      }
    }
    values.addAll(record.values());
    return validated(
        domain, record.name(), type, existing.get().ttl(), values, existing.get().managed());
  }

  /** What is left of the stored set once the mail record's values are taken out, if any are in. */
  private Optional<PlannedSet> withdrawing(Domain domain, MailDnsRecord record) {
    RecordType type = RecordType.of(record.type());
    Optional<DnsRecordSetRow> existing = row(domain, record.name(), type);
    if (existing.isEmpty()) {
      return Optional.empty();
    }
    Set<String> ours =
        record.values().stream().map(v -> comparable(type, v)).collect(Collectors.toSet());
    List<String> remaining =
        existing.get().values().stream().filter(v -> !ours.contains(comparable(type, v))).toList();
    if (remaining.size() == existing.get().values().size()) {
      return Optional.empty();
    }
    if (remaining.isEmpty()) {
      return Optional.of(new PlannedSet(record.name(), type, 0, List.of(), false));
    }
    return Optional.of(
        validated(
            domain,
            record.name(),
            type,
            existing.get().ttl(),
            remaining,
            existing.get().managed()));
  }

  /** Sends every planned set to the server, then stores them. */
  private void apply(Domain domain, List<PlannedSet> plan) {
    for (PlannedSet set : plan) {
      if (set.values().isEmpty()) {
        zones.deleteRecordSet(domain.name(), set.name(), set.type());
      } else {
        zones.replaceRecordSet(domain.name(), set.name(), set.type(), set.ttl(), set.values());
      }
    }
    for (PlannedSet set : plan) {
      if (set.values().isEmpty()) {
        recordSets.deleteSet(domain.id(), set.name(), set.type().name());
      } else {
        recordSets.upsert(
            domain.id(),
            set.name(),
            set.type().name(),
            set.ttl(),
            DnsRecordSetRow.data(set.values()),
            set.managed());
      }
    }
  }

  /** Validates the set against the types stored at its name; its values in presentation form. */
  private PlannedSet validated(
      Domain domain, String name, RecordType type, long ttl, List<String> values, boolean managed) {
    Set<RecordType> others =
        recordSets.findByDomainId(domain.id()).stream()
            .filter(row -> row.name().equals(name) && !row.type().equals(type.name()))
            .map(row -> RecordType.of(row.type()))
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(RecordType.class)));
    List<String> normalised =
        RecordValidator.records(domain.name(), name, type, ttl, values, others).stream()
            .map(PresentationForm::of)
            .toList();
    return new PlannedSet(name, type, ttl, normalised, managed);
  }

  private static boolean sharedApexTxt(String name, RecordType type) {
    return name.equals(MailDnsRecords.APEX) && type == RecordType.TXT;
  }

  /** A value as a resolver reads it: TXT chunks joined, names without the final dot. */
  private static String comparable(RecordType type, String value) {
    if (type == RecordType.TXT) {
      return TxtChunks.text(value);
    }
    String text = value.strip().toLowerCase(Locale.ROOT);
    return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
  }

  private Optional<DnsRecordSetRow> row(Domain domain, String name, RecordType type) {
    return recordSets.findByDomainIdAndNameAndType(domain.id(), name, type.name());
  }

  private MailDomain mailDomain(long mailDomainId) {
    return MailRows.mailDomain(mailDomains, mailDomainId);
  }

  /** The mail domain, its row locked until the transaction ends. */
  private MailDomain lockedMailDomain(long mailDomainId) {
    jdbc.sql("SELECT id FROM mail_domain WHERE id = :id FOR UPDATE")
        .param("id", mailDomainId)
        .query(Long.class)
        .optional();
    return mailDomain(mailDomainId);
  }

  /**
   * The mail domain's domain, its row locked until the transaction ends (as the DNS editor locks
   * it).
   */
  private Domain lockedDomain(MailDomain mailDomain) {
    jdbc.sql("SELECT id FROM domain WHERE id = :id FOR UPDATE")
        .param("id", mailDomain.domainId())
        .query(Long.class)
        .optional();
    Domain domain =
        domains
            .findById(mailDomain.domainId())
            .orElseThrow(
                () ->
                    new PermanentException(
                        FailureType.NOT_FOUND, "Domain " + mailDomain.domainId() + " not found"));
    if (!domain.name().equalsIgnoreCase(mailDomain.name())) {
      throw invalid(
          "Mail domain "
              + mailDomain.name()
              + " is not the name of its domain "
              + domain.name()
              + ".");
    }
    return domain;
  }

  private static void requireNotRemoved(MailDomain mailDomain) {
    if (mailDomain.status() == MailDomainStatus.REMOVED) {
      throw invalid("Email on " + mailDomain.name() + " has been turned off.");
    }
  }

  private static String clip(String text) {
    return text == null || text.length() <= MAX_REASON
        ? text
        : text.substring(0, MAX_REASON - 1) + "\u2026";
  }

  private static PermanentException invalid(String message) {
    return new PermanentException(FailureType.INVALID_INPUT, message);
  }
}
