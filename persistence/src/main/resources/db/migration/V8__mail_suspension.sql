-- Mail of a suspended customer is refused with a temporary error and its mailboxes cannot log in,
-- until a subscription of theirs is live again; the mail itself is kept.

-- What the mail servers read: the mail domains of customers whose every subscription is over or
-- suspended (SUSPENDED, CANCELLED, TERMINATED). A customer with no subscription at all (from before
-- subscriptions) is not suspended; one live subscription (INCOMPLETE, TRIALING, ACTIVE, PAST_DUE)
-- keeps all of the customer's mail working.
CREATE VIEW mail_server_suspended_domains AS
    SELECT d.name AS domain
      FROM mail_domain d
     WHERE d.status = 'ACTIVE'
       AND EXISTS (SELECT 1 FROM subscription s WHERE s.customer_id = d.customer_id)
       AND NOT EXISTS (SELECT 1 FROM subscription s
                        WHERE s.customer_id = d.customer_id
                          AND s.status IN ('INCOMPLETE', 'TRIALING', 'ACTIVE', 'PAST_DUE'));
