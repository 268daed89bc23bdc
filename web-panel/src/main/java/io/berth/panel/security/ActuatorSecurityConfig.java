package io.berth.panel.security;

import io.berth.panel.account.AccountService;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * The actuator's filter chain ({@code /actuator/**}: health and Prometheus metrics): open to
 * scrapers on the panel's own machine (requests from 127.0.0.1 or ::1), otherwise for support staff
 * only, signed in to the panel or with a bearer token. Refusals are problem+json.
 */
@Configuration
class ActuatorSecurityConfig {

  private static final IpAddressMatcher IPV4_LOOPBACK = new IpAddressMatcher("127.0.0.0/8");
  private static final IpAddressMatcher IPV6_LOOPBACK = new IpAddressMatcher("::1");

  @Bean
  @Order(0)
  SecurityFilterChain actuatorFilterChain(
      HttpSecurity http, AccountService accounts, ProblemResponses problems) throws Exception {
    AuthorizationManager<RequestAuthorizationContext> support =
        AuthorityAuthorizationManager.hasRole("SUPPORT");
    return http.securityMatcher("/actuator/**")
        .csrf(AbstractHttpConfigurer::disable)
        .formLogin(AbstractHttpConfigurer::disable)
        .httpBasic(AbstractHttpConfigurer::disable)
        .logout(AbstractHttpConfigurer::disable)
        .requestCache(AbstractHttpConfigurer::disable)
        .addFilterBefore(
            new BearerTokenFilter(accounts, problems), AnonymousAuthenticationFilter.class)
        .authorizeHttpRequests(
            requests ->
                requests
                    .anyRequest()
                    .access(
                        (authentication, context) ->
                            fromLoopback(context.getRequest())
                                ? new AuthorizationDecision(true)
                                : support.check(authentication, context)))
        .exceptionHandling(
            e ->
                e.authenticationEntryPoint(problems::unauthorized)
                    .accessDeniedHandler(problems::forbidden))
        .build();
  }

  /** Whether the connection came from this machine's loopback address (never by a header). */
  static boolean fromLoopback(HttpServletRequest request) {
    return IPV4_LOOPBACK.matches(request) || IPV6_LOOPBACK.matches(request);
  }
}
