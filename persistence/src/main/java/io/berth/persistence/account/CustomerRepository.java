package io.berth.persistence.account;

import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface CustomerRepository extends ListCrudRepository<Customer, Long> {

  @Query("SELECT * FROM customer WHERE lower(email) = lower(:email)")
  Optional<Customer> findByEmailIgnoreCase(String email);

  boolean existsByRole(String role);
}
