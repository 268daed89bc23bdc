package io.berth.workflows.mail;

import io.temporal.activity.ActivityInterface;
import java.util.List;

/**
 * Email on a domain, on {@code berth-control}: the platform DB and the authoritative DNS server.
 * Idempotent; keys never pass through a workflow.
 */
@ActivityInterface
public interface MailDomainActivities {

  /**
   * The domain's DKIM key: a 2048-bit RSA key generated once, the private part stored encrypted as
   * a secret, the public part on the {@code mail_domain} row. A retry returns the same key.
   */
  void ensureDkimKey(long mailDomainId);

  /**
   * The records email needs: MX to the platform's mail host, SPF, DKIM public key and DMARC ({@code
   * p=none}). On a hosted zone they are published (each set replaced atomically, stored as managed
   * record sets); for external DNS nothing is changed and the list is what the customer must add.
   */
  List<MailDnsRecord> publishDnsRecords(long mailDomainId);

  /** Removes the mail records this domain's email published (hosted zones only). */
  void withdrawDnsRecords(long mailDomainId);

  /** Stores the mail domain's status and reason (null: none). Idempotent. */
  void recordMailDomain(long mailDomainId, MailDomainStatus status, String reason);

  /** The live mailboxes of the domain, which must be gone before email is turned off. */
  List<Long> liveMailboxes(long mailDomainId);
}
