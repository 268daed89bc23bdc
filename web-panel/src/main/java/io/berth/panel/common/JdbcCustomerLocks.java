package io.berth.panel.common;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@code SELECT … FOR UPDATE} on the customer's row. */
@Component
class JdbcCustomerLocks implements CustomerLocks {

  private final JdbcClient jdbc;

  JdbcCustomerLocks(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void lock(long customerId) {
    jdbc.sql("SELECT id FROM customer WHERE id = ? FOR UPDATE")
        .param(customerId)
        .query(Long.class)
        .single();
  }
}
