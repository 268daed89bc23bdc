-- Customers' domains and the record sets of their hosted zones.

-- The address customers point their domains at; written by each worker's heartbeat.
ALTER TABLE host ADD COLUMN public_address VARCHAR(45) NOT NULL DEFAULT '127.0.0.1';

CREATE TABLE domain (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id      BIGINT        NOT NULL REFERENCES customer (id),
    name             VARCHAR(253)  NOT NULL,
    mode             VARCHAR(10)   NOT NULL CHECK (mode IN ('HOSTED', 'EXTERNAL')),
    status           VARCHAR(20)   NOT NULL,
    site_id          BIGINT        REFERENCES site (id),
    reason           VARCHAR(1000),
    dns_seen         BOOLEAN       NOT NULL DEFAULT false,
    dns_found        VARCHAR(1000),
    dns_expected     VARCHAR(1000),
    dns_checked_at   TIMESTAMPTZ,
    created_at       TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_at       TIMESTAMPTZ   NOT NULL DEFAULT now()
);
-- A domain belongs to one account at a time; a removed one can be added again.
CREATE UNIQUE INDEX domain_name_live_uq ON domain (name) WHERE status <> 'REMOVED';
CREATE INDEX domain_customer_idx ON domain (customer_id, id);
CREATE INDEX domain_site_idx ON domain (site_id) WHERE site_id IS NOT NULL;

CREATE TABLE dns_record_set (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    domain_id   BIGINT        NOT NULL REFERENCES domain (id) ON DELETE CASCADE,
    name        VARCHAR(253)  NOT NULL,
    type        VARCHAR(10)   NOT NULL,
    ttl         BIGINT        NOT NULL,
    -- One value per line, in presentation form.
    data        TEXT          NOT NULL,
    managed     BOOLEAN       NOT NULL DEFAULT false,
    updated_at  TIMESTAMPTZ   NOT NULL DEFAULT now(),
    UNIQUE (domain_id, name, type)
);
