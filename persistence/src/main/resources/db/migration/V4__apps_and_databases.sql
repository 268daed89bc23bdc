-- Apps beyond static sites: customer databases, WordPress titles, and secrets kept encrypted.

ALTER TABLE plan ADD COLUMN max_databases INTEGER NOT NULL DEFAULT 1;
UPDATE plan SET max_databases = 1 WHERE code = 'trial';
UPDATE plan SET max_databases = 3 WHERE code = 'starter';
UPDATE plan SET max_databases = 10 WHERE code = 'business';

-- The title a WordPress site is installed with.
ALTER TABLE site ADD COLUMN title VARCHAR(200);

CREATE TABLE customer_database (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id    BIGINT        NOT NULL REFERENCES customer (id),
    -- MariaDB's names: the database and its user, both unique on the customer's server.
    name           VARCHAR(64)   NOT NULL,
    username       VARCHAR(32)   NOT NULL,
    status         VARCHAR(20)   NOT NULL,
    -- The site this database was made for (WordPress) or is linked to (PHP, Node).
    site_id        BIGINT        REFERENCES site (id),
    owned_by_site  BOOLEAN       NOT NULL DEFAULT false,
    failure_reason VARCHAR(1000),
    created_at     TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_at     TIMESTAMPTZ   NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX customer_database_name_uq ON customer_database (customer_id, name)
    WHERE status <> 'DELETED';
CREATE INDEX customer_database_customer_idx ON customer_database (customer_id, id);

-- Secrets (passwords, salts), AES-GCM encrypted with the platform's key; never in clear text.
-- Keys name their owner: 'database:<id>:password', 'dbserver:<customerId>:root',
-- 'site:<id>:wp-admin', 'site:<id>:wp-salt'.
CREATE TABLE secret (
    name        VARCHAR(100) PRIMARY KEY,
    ciphertext  TEXT         NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);
