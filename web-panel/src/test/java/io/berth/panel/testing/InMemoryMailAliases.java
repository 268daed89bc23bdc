package io.berth.panel.testing;

import io.berth.persistence.mail.MailAlias;
import io.berth.persistence.mail.MailAliasRepository;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;

/** Aliases, with the unique index on addresses ({@code mail_alias_address_uq}). */
public class InMemoryMailAliases extends InMemoryRepository<MailAlias>
    implements MailAliasRepository {

  @Override
  protected Long idOf(MailAlias a) {
    return a.id();
  }

  @Override
  protected MailAlias withId(MailAlias a, long id) {
    return new MailAlias(
        id,
        a.customerId(),
        a.mailDomainId(),
        a.localPart(),
        a.address(),
        a.destinations(),
        a.createdAt());
  }

  @Override
  protected void checkConstraints(MailAlias alias, Long id) {
    if (!where(a -> a.address().equals(alias.address()) && !a.id().equals(id)).isEmpty()) {
      throw new DuplicateKeyException(
          "duplicate key value violates unique constraint \"mail_alias_address_uq\"");
    }
  }

  @Override
  public List<MailAlias> findByMailDomainId(long mailDomainId) {
    return where(a -> a.mailDomainId() == mailDomainId, Comparator.comparing(MailAlias::address));
  }

  @Override
  public List<MailAlias> findByCustomerId(long customerId) {
    return where(a -> a.customerId() == customerId, Comparator.comparing(MailAlias::address));
  }

  @Override
  public Optional<MailAlias> findByIdAndCustomerId(long id, long customerId) {
    return findById(id).filter(a -> a.customerId() == customerId);
  }

  @Override
  public Optional<MailAlias> findByAddress(String address) {
    return where(a -> a.address().equals(address)).stream().findFirst();
  }
}
