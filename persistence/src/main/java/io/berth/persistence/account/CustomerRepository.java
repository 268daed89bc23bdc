package io.berth.persistence.account;

import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface CustomerRepository extends ListCrudRepository<Customer, Long> {

  @Query("SELECT * FROM customer WHERE lower(email) = lower(:email)")
  Optional<Customer> findByEmailIgnoreCase(String email);

  boolean existsByRole(String role);

  /** Links the customer's Stripe customer once; answers 0 if another was linked first. */
  @org.springframework.data.jdbc.repository.query.Modifying
  @Query(
      """
      UPDATE customer SET stripe_customer_id = :stripeId
       WHERE id = :id AND (stripe_customer_id IS NULL OR stripe_customer_id = :stripeId)
      """)
  int linkStripe(long id, String stripeId);
}
