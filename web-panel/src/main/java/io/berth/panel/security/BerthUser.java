package io.berth.panel.security;

import io.berth.panel.common.Caller;
import io.berth.persistence.account.Customer;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in account as Spring Security holds it, in a panel session or for one API call. */
public final class BerthUser implements UserDetails, CredentialsContainer {

  private final long customerId;
  private final String email;
  private final String role;
  private String passwordHash;

  private BerthUser(long customerId, String email, String role, String passwordHash) {
    this.customerId = customerId;
    this.email = email;
    this.role = role;
    this.passwordHash = passwordHash;
  }

  public static BerthUser of(Customer customer) {
    return new BerthUser(customer.id(), customer.email(), customer.role(), customer.passwordHash());
  }

  public long customerId() {
    return customerId;
  }

  public String email() {
    return email;
  }

  public boolean isSupport() {
    return Customer.ROLE_SUPPORT.equals(role);
  }

  public Caller caller() {
    return new Caller(customerId, email, isSupport());
  }

  @Override
  public Collection<? extends GrantedAuthority> getAuthorities() {
    return List.of(new SimpleGrantedAuthority("ROLE_" + role));
  }

  @Override
  public String getPassword() {
    return passwordHash;
  }

  @Override
  public String getUsername() {
    return email;
  }

  @Override
  public void eraseCredentials() {
    passwordHash = null;
  }

  @Override
  public String toString() {
    return "BerthUser[" + customerId + ", " + role + "]";
  }
}
