package io.berth.workflows.mail;

import io.berth.workflows.common.FailureType;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** In-memory control-queue side of email on a domain: its key, its DNS records, its row. */
class FakeMailDomains implements MailDomainActivities {

  static final List<MailDnsRecord> RECORDS =
      List.of(
          new MailDnsRecord("@", "MX", 3600, List.of("10 mail.berth.localhost.")),
          new MailDnsRecord("@", "TXT", 3600, List.of("\"v=spf1 mx -all\"")),
          new MailDnsRecord(
              "berth._domainkey",
              "TXT",
              3600,
              List.of("\"v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA\"")),
          new MailDnsRecord("_dmarc", "TXT", 3600, List.of("\"v=DMARC1; p=none\"")));

  final Map<Long, MailDomainStatus> statuses = new ConcurrentHashMap<>();
  final Map<Long, String> reasons = new ConcurrentHashMap<>();
  final Map<Long, List<MailDnsRecord>> published = new ConcurrentHashMap<>();
  final List<Long> mailboxes = new CopyOnWriteArrayList<>();
  final AtomicInteger dkimAttempts = new AtomicInteger();
  private final MailCalls calls;

  /** The DKIM step fails this many times with a transient error before it works. */
  volatile int transientDkimFailures;

  /** The DKIM key cannot be made, for good. */
  volatile boolean dkimRefused;

  /** The zone refuses the records, for good. */
  volatile boolean dnsRefused;

  FakeMailDomains(MailCalls calls) {
    this.calls = calls;
  }

  @Override
  public void ensureDkimKey(long mailDomainId) {
    calls.add("ensureDkimKey");
    if (dkimAttempts.incrementAndGet() <= transientDkimFailures) {
      throw new IllegalStateException("Secret store unreachable: connection refused");
    }
    if (dkimRefused) {
      throw ApplicationFailure.newNonRetryableFailure(
          "Mail domain " + mailDomainId + " not found", FailureType.NOT_FOUND.type());
    }
  }

  @Override
  public List<MailDnsRecord> publishDnsRecords(long mailDomainId) {
    calls.add("publishDnsRecords");
    if (dnsRefused) {
      published.put(mailDomainId, RECORDS.subList(0, 1));
      throw ApplicationFailure.newNonRetryableFailure(
          "The DNS server refused the records of example.test", FailureType.CONFLICT.type());
    }
    published.put(mailDomainId, RECORDS);
    return RECORDS;
  }

  @Override
  public void withdrawDnsRecords(long mailDomainId) {
    calls.add("withdrawDnsRecords");
    published.remove(mailDomainId);
  }

  @Override
  public void recordMailDomain(long mailDomainId, MailDomainStatus status, String reason) {
    calls.add("recordMailDomain " + status);
    statuses.put(mailDomainId, status);
    if (reason != null) {
      reasons.put(mailDomainId, reason);
    }
  }

  @Override
  public List<Long> liveMailboxes(long mailDomainId) {
    calls.add("liveMailboxes");
    return List.copyOf(mailboxes);
  }
}
