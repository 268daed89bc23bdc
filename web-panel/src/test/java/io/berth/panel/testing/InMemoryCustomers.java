package io.berth.panel.testing;

import io.berth.persistence.account.Customer;
import io.berth.persistence.account.CustomerRepository;
import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;

public class InMemoryCustomers extends InMemoryRepository<Customer> implements CustomerRepository {

  @Override
  protected Long idOf(Customer c) {
    return c.id();
  }

  @Override
  protected Customer withId(Customer c, long id) {
    return new Customer(
        id, c.email(), c.passwordHash(), c.role(), c.createdAt(), c.stripeCustomerId());
  }

  @Override
  protected void checkConstraints(Customer c, Long id) {
    findByEmailIgnoreCase(c.email())
        .filter(other -> !other.id().equals(id))
        .ifPresent(
            other -> {
              throw new DuplicateKeyException("customer_email_uq");
            });
  }

  @Override
  public Optional<Customer> findByEmailIgnoreCase(String email) {
    return where(c -> c.email().equalsIgnoreCase(email)).stream().findFirst();
  }

  @Override
  public boolean existsByRole(String role) {
    return !where(c -> c.role().equals(role)).isEmpty();
  }

  @Override
  public int linkStripe(long id, String stripeId) {
    Customer customer = findById(id).orElse(null);
    if (customer == null
        || (customer.stripeCustomerId() != null && !customer.stripeCustomerId().equals(stripeId))) {
      return 0;
    }
    save(
        new Customer(
            id,
            customer.email(),
            customer.passwordHash(),
            customer.role(),
            customer.createdAt(),
            stripeId));
    return 1;
  }

  /** A customer as the sign-up would have stored it (the hash is not a real one). */
  public Customer add(String email, String role) {
    return save(Customer.create(email, "{noop}not-a-real-hash", role, Instant.now()));
  }
}
