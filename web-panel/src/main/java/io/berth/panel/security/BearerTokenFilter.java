package io.berth.panel.security;

import io.berth.panel.account.AccountService;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.context.support.WebApplicationContextUtils;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates an API call by its {@code Authorization: Bearer} token. A request without the
 * header goes on anonymous (public calls need none); a bad token is answered 401 at once. The
 * authentication goes to this application's security-context strategy (Vaadin's bean), not the
 * JVM-wide one, which the last panel started in the JVM replaces (as in tests with two contexts).
 */
final class BearerTokenFilter extends OncePerRequestFilter {

  private static final String PREFIX = "bearer ";

  private final AccountService accounts;
  private final ProblemResponses problems;
  private volatile SecurityContextHolderStrategy holder;

  BearerTokenFilter(AccountService accounts, ProblemResponses problems) {
    this.accounts = accounts;
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
      chain.doFilter(request, response);
      return;
    }
    Optional<BerthUser> user =
        accounts.customerForToken(header.substring(PREFIX.length()).trim()).map(BerthUser::of);
    if (user.isEmpty()) {
      problems.unauthorized(request, response, ProblemResponses.BAD_TOKEN);
      return;
    }
    user.get().eraseCredentials();
    SecurityContextHolderStrategy strategy = holder(request);
    SecurityContext context = strategy.createEmptyContext();
    context.setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(
            user.get(), null, user.get().getAuthorities()));
    strategy.setContext(context);
    try {
      chain.doFilter(request, response);
    } finally {
      strategy.clearContext();
    }
  }

  private SecurityContextHolderStrategy holder(HttpServletRequest request) {
    if (holder == null) {
      holder =
          WebApplicationContextUtils.getRequiredWebApplicationContext(request.getServletContext())
              .getBeanProvider(SecurityContextHolderStrategy.class)
              .getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
    }
    return holder;
  }
}
