package io.berth.panel.security;

import io.berth.panel.account.AccountService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;

/**
 * The REST API's filter chain: stateless, bearer tokens, no CSRF (no cookies are read), no
 * redirects; every refusal is a problem+json answer. Stripe's webhook deliveries need no token:
 * their signature is checked by the endpoint.
 */
@Configuration
class ApiSecurityConfig {

  @Bean
  @Order(1)
  SecurityFilterChain apiFilterChain(
      HttpSecurity http, AccountService accounts, ProblemResponses problems) throws Exception {
    return http.securityMatcher("/api/**")
        .csrf(AbstractHttpConfigurer::disable)
        .formLogin(AbstractHttpConfigurer::disable)
        .httpBasic(AbstractHttpConfigurer::disable)
        .logout(AbstractHttpConfigurer::disable)
        .requestCache(AbstractHttpConfigurer::disable)
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        // A panel session cookie never authenticates an API call (the API has no CSRF tokens).
        .securityContext(
            c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
        .addFilterBefore(
            new BearerTokenFilter(accounts, problems), AnonymousAuthenticationFilter.class)
        .authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(HttpMethod.POST, "/api/v1/signup", "/api/v1/tokens")
                    .permitAll()
                    .requestMatchers(HttpMethod.GET, "/api/v1/plans")
                    .permitAll()
                    // Stripe signs its deliveries; the endpoint checks the signature itself.
                    .requestMatchers(HttpMethod.POST, "/api/v1/payments/stripe/webhook")
                    .permitAll()
                    .requestMatchers("/api/v1/admin/**")
                    .hasRole("SUPPORT")
                    .anyRequest()
                    .authenticated())
        .exceptionHandling(
            e ->
                e.authenticationEntryPoint(problems::unauthorized)
                    .accessDeniedHandler(problems::forbidden))
        .build();
  }
}
