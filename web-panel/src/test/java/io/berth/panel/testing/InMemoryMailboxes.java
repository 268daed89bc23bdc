package io.berth.panel.testing;

import io.berth.persistence.mail.MailPasswordHashes;
import io.berth.persistence.mail.Mailbox;
import io.berth.persistence.mail.MailboxRepository;
import io.berth.workflows.mail.MailboxStatus;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.springframework.dao.DuplicateKeyException;

/**
 * Mailboxes, with the unique index on stored addresses ({@code mailbox_address_live_uq}) and the
 * usage Dovecot would count ({@link #setUsage}).
 */
public class InMemoryMailboxes extends InMemoryRepository<Mailbox> implements MailboxRepository {

  /** The password of the mailboxes {@link #add} makes. */
  public static final String FIXTURE_PASSWORD = "Fixture password 1";

  /** Its hash, made once. */
  private static final String FIXTURE_HASH = MailPasswordHashes.hash(FIXTURE_PASSWORD);

  private final Map<String, Long> usage = new ConcurrentHashMap<>();

  @Override
  public synchronized void reset() {
    super.reset();
    usage.clear();
  }

  @Override
  protected Long idOf(Mailbox m) {
    return m.id();
  }

  @Override
  protected Mailbox withId(Mailbox m, long id) {
    return copy(m, id, m.displayName(), m.passwordHash(), m.quotaMb(), m.status(), m.reason());
  }

  @Override
  protected void checkConstraints(Mailbox mailbox, Long id) {
    if (isStored(mailbox)
        && !where(m -> isStored(m) && m.address().equals(mailbox.address()) && !m.id().equals(id))
            .isEmpty()) {
      throw new DuplicateKeyException(
          "duplicate key value violates unique constraint \"mailbox_address_live_uq\"");
    }
  }

  private static boolean isStored(Mailbox mailbox) {
    return mailbox.status() != MailboxStatus.PURGED;
  }

  @Override
  public List<Mailbox> findStoredByCustomerId(long customerId) {
    return where(
        m -> m.customerId() == customerId && isStored(m), Comparator.comparing(Mailbox::address));
  }

  @Override
  public List<Mailbox> findStoredByMailDomainId(long mailDomainId) {
    return where(
        m -> m.mailDomainId() == mailDomainId && isStored(m),
        Comparator.comparing(Mailbox::address));
  }

  @Override
  public Optional<Mailbox> findByIdAndCustomerId(long id, long customerId) {
    return findById(id).filter(m -> m.customerId() == customerId);
  }

  @Override
  public Optional<Mailbox> findStoredByAddress(String address) {
    return where(m -> isStored(m) && m.address().equals(address)).stream().findFirst();
  }

  @Override
  public int countLive(long customerId) {
    return where(m -> m.customerId() == customerId && m.isLive()).size();
  }

  @Override
  public long sumLiveQuotaMb(long customerId) {
    return where(m -> m.customerId() == customerId && m.isLive()).stream()
        .mapToLong(Mailbox::quotaMb)
        .sum();
  }

  @Override
  public int updateStatus(long id, MailboxStatus status, String reason) {
    return change(
        id,
        m -> isStored(m) && (m.status() != MailboxStatus.DELETED || status == MailboxStatus.PURGED),
        m -> copy(m, id, m.displayName(), m.passwordHash(), m.quotaMb(), status, reason));
  }

  @Override
  public int markDeleted(long id, Instant purgeAfter) {
    return change(
        id,
        InMemoryMailboxes::isStored,
        m ->
            new Mailbox(
                id,
                m.customerId(),
                m.mailDomainId(),
                m.localPart(),
                m.address(),
                m.displayName(),
                m.passwordHash(),
                m.quotaMb(),
                MailboxStatus.DELETED,
                m.reason(),
                m.purgeAfter() == null ? purgeAfter : m.purgeAfter(),
                m.createdAt(),
                Instant.now()));
  }

  @Override
  public int changePassword(long id, long customerId, String passwordHash) {
    return change(
        id,
        m -> m.customerId() == customerId && m.isLive(),
        m -> copy(m, id, m.displayName(), passwordHash, m.quotaMb(), m.status(), m.reason()));
  }

  @Override
  public int changeQuota(long id, long customerId, int quotaMb) {
    return change(
        id,
        m -> m.customerId() == customerId && m.isLive(),
        m -> copy(m, id, m.displayName(), m.passwordHash(), quotaMb, m.status(), m.reason()));
  }

  /** What the panel's display-name port does on the real table. */
  public boolean changeDisplayName(long id, long customerId, String displayName) {
    return change(
            id,
            m -> m.customerId() == customerId && m.isLive(),
            m -> copy(m, id, displayName, m.passwordHash(), m.quotaMb(), m.status(), m.reason()))
        == 1;
  }

  @Override
  public long usedBytes(String address) {
    return usage.getOrDefault(address, 0L);
  }

  @Override
  public int forgetUsage(String address) {
    return usage.remove(address) == null ? 0 : 1;
  }

  /** What Dovecot's quota dict would have written for the address. */
  public void setUsage(String address, long bytes) {
    usage.put(address, bytes);
  }

  /** A mailbox as the panel creates it, then moved to {@code status} as its workflow would. */
  public Mailbox add(
      long customerId,
      long mailDomainId,
      String localPart,
      String domain,
      int quotaMb,
      MailboxStatus status) {
    Mailbox added =
        save(
            Mailbox.creating(
                customerId, mailDomainId, localPart, domain, null, FIXTURE_HASH, quotaMb));
    if (status == MailboxStatus.DELETED) {
      markDeleted(added.id(), Instant.now().plusSeconds(86400L * 30));
    } else {
      updateStatus(added.id(), status, null);
    }
    return findById(added.id()).orElseThrow();
  }

  private synchronized int change(long id, Predicate<Mailbox> when, UnaryOperator<Mailbox> how) {
    Mailbox m = findById(id).filter(when).orElse(null);
    if (m == null) {
      return 0;
    }
    save(how.apply(m));
    return 1;
  }

  private static Mailbox copy(
      Mailbox m,
      long id,
      String displayName,
      String passwordHash,
      int quotaMb,
      MailboxStatus status,
      String reason) {
    return new Mailbox(
        id,
        m.customerId(),
        m.mailDomainId(),
        m.localPart(),
        m.address(),
        displayName,
        passwordHash,
        quotaMb,
        status,
        reason,
        m.purgeAfter(),
        m.createdAt(),
        Instant.now());
  }
}
