package io.berth.panel.mail;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@code UPDATE mailbox SET display_name …} on a live mailbox of the customer. */
@Component
class JdbcMailboxDisplayNames implements MailboxDisplayNames {

  private final JdbcClient jdbc;

  JdbcMailboxDisplayNames(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public boolean change(long mailboxId, long customerId, String displayName) {
    return jdbc.sql(
                """
                UPDATE mailbox SET display_name = ?, updated_at = now()
                 WHERE id = ? AND customer_id = ? AND status IN ('CREATING', 'ACTIVE')
                """)
            .params(displayName, mailboxId, customerId)
            .update()
        == 1;
  }
}
