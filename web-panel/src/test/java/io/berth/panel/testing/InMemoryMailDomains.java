package io.berth.panel.testing;

import io.berth.persistence.mail.MailDomain;
import io.berth.persistence.mail.MailDomainRepository;
import io.berth.workflows.mail.MailDomainStatus;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;

/** Mail domains, with the unique index on live names ({@code mail_domain_name_live_uq}). */
public class InMemoryMailDomains extends InMemoryRepository<MailDomain>
    implements MailDomainRepository {

  @Override
  protected Long idOf(MailDomain d) {
    return d.id();
  }

  @Override
  protected MailDomain withId(MailDomain d, long id) {
    return new MailDomain(
        id,
        d.customerId(),
        d.domainId(),
        d.name(),
        d.status(),
        d.dkimSelector(),
        d.dkimPublicKey(),
        d.reason(),
        d.createdAt(),
        d.updatedAt());
  }

  @Override
  protected void checkConstraints(MailDomain mailDomain, Long id) {
    if (isLive(mailDomain)
        && !where(m -> isLive(m) && m.name().equals(mailDomain.name()) && !m.id().equals(id))
            .isEmpty()) {
      throw new DuplicateKeyException(
          "duplicate key value violates unique constraint \"mail_domain_name_live_uq\"");
    }
  }

  private static boolean isLive(MailDomain mailDomain) {
    return mailDomain.status() != MailDomainStatus.REMOVED;
  }

  @Override
  public List<MailDomain> findLiveByCustomerId(long customerId) {
    return where(
        m -> m.customerId() == customerId && isLive(m), Comparator.comparing(MailDomain::name));
  }

  @Override
  public Optional<MailDomain> findByIdAndCustomerId(long id, long customerId) {
    return findById(id).filter(m -> m.customerId() == customerId);
  }

  @Override
  public Optional<MailDomain> findLiveByDomainId(long domainId) {
    return where(m -> isLive(m) && m.domainId() == domainId).stream().findFirst();
  }

  @Override
  public Optional<MailDomain> findLiveByName(String name) {
    return where(m -> isLive(m) && m.name().equals(name)).stream().findFirst();
  }

  @Override
  public boolean isNameLiveElsewhere(String name, long id) {
    return !where(m -> isLive(m) && m.name().equals(name) && m.id() != id).isEmpty();
  }

  @Override
  public int updateStatus(long id, MailDomainStatus status, String reason) {
    MailDomain m = findById(id).filter(InMemoryMailDomains::isLive).orElse(null);
    if (m == null) {
      return 0;
    }
    save(
        new MailDomain(
            id,
            m.customerId(),
            m.domainId(),
            m.name(),
            status,
            m.dkimSelector(),
            m.dkimPublicKey(),
            reason,
            m.createdAt(),
            Instant.now()));
    return 1;
  }

  @Override
  public int storePublicKeyOnce(long id, String publicKey) {
    MailDomain m = findById(id).filter(x -> x.dkimPublicKey() == null).orElse(null);
    if (m == null) {
      return 0;
    }
    save(
        new MailDomain(
            id,
            m.customerId(),
            m.domainId(),
            m.name(),
            m.status(),
            m.dkimSelector(),
            publicKey,
            m.reason(),
            m.createdAt(),
            Instant.now()));
    return 1;
  }

  /**
   * Email on a domain as the panel turns it on, then moved to {@code status} as its workflow would.
   */
  public MailDomain add(long customerId, long domainId, String name, MailDomainStatus status) {
    MailDomain added = save(MailDomain.creating(customerId, domainId, name));
    updateStatus(added.id(), status, null);
    return findById(added.id()).orElseThrow();
  }
}
