package io.berth.panel.security;

import com.vaadin.flow.spring.security.AuthenticationContext;
import io.berth.panel.common.Caller;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The account signed in to the panel session that is handling the current request. */
@Component
public class CurrentUser {

  private final AuthenticationContext authentication;

  public CurrentUser(AuthenticationContext authentication) {
    this.authentication = authentication;
  }

  public Optional<BerthUser> get() {
    return authentication.getAuthenticatedUser(BerthUser.class);
  }

  /** The caller for service calls; views that need it are not reachable without signing in. */
  public Caller caller() {
    return get().map(BerthUser::caller).orElseThrow(() -> new IllegalStateException("signed out"));
  }

  public boolean isSupport() {
    return get().map(BerthUser::isSupport).orElse(false);
  }

  public void signOut() {
    authentication.logout();
  }
}
