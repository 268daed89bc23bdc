package io.berth.panel.security;

import io.berth.persistence.account.CustomerRepository;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Looks accounts up by email for the panel's sign-in form. */
@Service
class CustomerDetailsService implements UserDetailsService {

  private final CustomerRepository customers;

  CustomerDetailsService(CustomerRepository customers) {
    this.customers = customers;
  }

  @Override
  public UserDetails loadUserByUsername(String email) {
    return customers
        .findByEmailIgnoreCase(email == null ? "" : email.trim())
        .map(BerthUser::of)
        .orElseThrow(() -> new UsernameNotFoundException("No such account"));
  }
}
