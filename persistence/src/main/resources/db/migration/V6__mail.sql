-- Email hosting: mail domains, mailboxes, aliases, and the views Postfix and Dovecot read.

ALTER TABLE plan ADD COLUMN max_mailboxes INTEGER NOT NULL DEFAULT 5;
-- The sum of the quotas of a customer's mailboxes may not exceed this.
ALTER TABLE plan ADD COLUMN mail_storage_mb INTEGER NOT NULL DEFAULT 1024;
UPDATE plan SET max_mailboxes = 2, mail_storage_mb = 200 WHERE code = 'trial';
UPDATE plan SET max_mailboxes = 10, mail_storage_mb = 5120 WHERE code = 'starter';
UPDATE plan SET max_mailboxes = 50, mail_storage_mb = 51200 WHERE code = 'business';

-- Email turned on for one of the customer's domains. Its DKIM private key is the secret
-- 'maildomain:<id>:dkim'; the public key is published as <dkim_selector>._domainkey.<name>.
CREATE TABLE mail_domain (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id     BIGINT        NOT NULL REFERENCES customer (id),
    domain_id       BIGINT        NOT NULL REFERENCES domain (id),
    name            VARCHAR(253)  NOT NULL,
    status          VARCHAR(20)   NOT NULL,
    dkim_selector   VARCHAR(63)   NOT NULL DEFAULT 'berth',
    -- The base64 SubjectPublicKeyInfo of the DKIM key, as in the TXT record's p= tag.
    dkim_public_key TEXT,
    reason          VARCHAR(1000),
    created_at      TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ   NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX mail_domain_name_live_uq ON mail_domain (name) WHERE status <> 'REMOVED';
CREATE INDEX mail_domain_customer_idx ON mail_domain (customer_id, id);

CREATE TABLE mailbox (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id     BIGINT        NOT NULL REFERENCES customer (id),
    mail_domain_id  BIGINT        NOT NULL REFERENCES mail_domain (id),
    -- Lower case; the address is local_part@domain.
    local_part      VARCHAR(64)   NOT NULL,
    address         VARCHAR(320)  NOT NULL,
    display_name    VARCHAR(100),
    -- A Spring Security bcrypt hash ($2y$…), which Dovecot verifies as BLF-CRYPT.
    password_hash   VARCHAR(100)  NOT NULL,
    quota_mb        INTEGER       NOT NULL CHECK (quota_mb > 0),
    status          VARCHAR(20)   NOT NULL,
    reason          VARCHAR(1000),
    -- Set when the mailbox is deleted: its mail is kept until then, then removed.
    purge_after     TIMESTAMPTZ,
    created_at      TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ   NOT NULL DEFAULT now()
);
-- An address is taken while its mailbox exists or its mail is kept.
CREATE UNIQUE INDEX mailbox_address_live_uq ON mailbox (address) WHERE status <> 'PURGED';
CREATE INDEX mailbox_domain_idx ON mailbox (mail_domain_id, id);
CREATE INDEX mailbox_customer_idx ON mailbox (customer_id, id);

-- A forwarder: mail to source goes to every destination. A catch-all has local_part '*'
-- and address '@<domain>'.
CREATE TABLE mail_alias (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id     BIGINT        NOT NULL REFERENCES customer (id),
    mail_domain_id  BIGINT        NOT NULL REFERENCES mail_domain (id),
    local_part      VARCHAR(64)   NOT NULL,
    address         VARCHAR(320)  NOT NULL,
    -- One address a line.
    destinations    TEXT          NOT NULL,
    created_at      TIMESTAMPTZ   NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX mail_alias_address_uq ON mail_alias (address);
CREATE INDEX mail_alias_domain_idx ON mail_alias (mail_domain_id, id);

-- Dovecot's quota usage per mailbox (quota dict over SQL), read by the panel.
CREATE TABLE mail_quota_usage (
    username  VARCHAR(320) PRIMARY KEY,
    bytes     BIGINT       NOT NULL DEFAULT 0,
    messages  INTEGER      NOT NULL DEFAULT 0
);

-- What the mail servers read: a stable contract, and nothing beyond what they need.
CREATE VIEW mail_server_domains AS
    SELECT name FROM mail_domain WHERE status = 'ACTIVE';

CREATE VIEW mail_server_users AS
    SELECT m.address AS username,
           '{BLF-CRYPT}' || m.password_hash AS password,
           d.name AS domain,
           m.local_part,
           m.quota_mb
      FROM mailbox m JOIN mail_domain d ON d.id = m.mail_domain_id
     WHERE m.status = 'ACTIVE' AND d.status = 'ACTIVE';

-- Each mailbox maps to itself, so a catch-all never swallows a real mailbox.
CREATE VIEW mail_server_aliases AS
    SELECT a.address AS source, trim(dest) AS destination
      FROM mail_alias a
      JOIN mail_domain d ON d.id = a.mail_domain_id AND d.status = 'ACTIVE'
      CROSS JOIN LATERAL regexp_split_to_table(a.destinations, E'\n') AS dest
     WHERE trim(dest) <> ''
    UNION ALL
    SELECT username, username FROM mail_server_users;

-- Who may send as an address: the mailboxes of the customer that owns the address's domain.
CREATE VIEW mail_server_sender_logins AS
    SELECT s.address, m.address AS login
      FROM (SELECT customer_id, address FROM mailbox WHERE status = 'ACTIVE'
            UNION SELECT customer_id, address FROM mail_alias WHERE local_part <> '*') s
      JOIN mailbox m ON m.customer_id = s.customer_id AND m.status = 'ACTIVE';
