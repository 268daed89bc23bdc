package io.berth.panel.account;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first support account ({@code BERTH_ADMIN_EMAIL} / {@code BERTH_ADMIN_PASSWORD}); used only
 * while no support account exists.
 */
@ConfigurationProperties("berth.admin")
record AdminProperties(String email, String password) {

  static final String DEFAULT_EMAIL = "admin@berth.localhost";

  String emailOrDefault() {
    return email == null || email.isBlank() ? DEFAULT_EMAIL : email.trim();
  }

  boolean hasPassword() {
    return password != null && !password.isBlank();
  }
}
