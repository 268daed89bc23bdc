package io.berth.persistence.mail;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface MailAliasRepository extends ListCrudRepository<MailAlias, Long> {

  @Query("SELECT * FROM mail_alias WHERE mail_domain_id = :mailDomainId ORDER BY address")
  List<MailAlias> findByMailDomainId(long mailDomainId);

  @Query("SELECT * FROM mail_alias WHERE customer_id = :customerId ORDER BY address")
  List<MailAlias> findByCustomerId(long customerId);

  Optional<MailAlias> findByIdAndCustomerId(long id, long customerId);

  Optional<MailAlias> findByAddress(String address);
}
