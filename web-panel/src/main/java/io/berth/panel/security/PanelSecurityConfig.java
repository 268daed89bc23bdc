package io.berth.panel.security;

import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategyConfiguration;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import io.berth.panel.account.LoginView;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The panel's filter chain: Vaadin's own configuration (CSRF for its requests, the login view, view
 * access by {@code @AnonymousAllowed}, {@code @PermitAll} and {@code @RolesAllowed}); the session
 * id changes at sign-in. The OpenAPI document and the stylesheet are public.
 */
@Configuration
@EnableWebSecurity
@Import(VaadinAwareSecurityContextHolderStrategyConfiguration.class)
class PanelSecurityConfig {

  @Bean
  @Order(2)
  SecurityFilterChain panelFilterChain(HttpSecurity http) throws Exception {
    http.authorizeHttpRequests(
        requests ->
            requests
                .requestMatchers(
                    "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                .permitAll()
                .requestMatchers("/styles/**")
                .permitAll());
    http.sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()));
    http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class));
    return http.build();
  }
}
