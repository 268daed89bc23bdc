-- Berth platform schema: customers, plans, orders, sites, hosts, API tokens.

CREATE TABLE customer (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email         VARCHAR(254) NOT NULL,
    password_hash VARCHAR(200) NOT NULL,
    role          VARCHAR(20)  NOT NULL DEFAULT 'CUSTOMER' CHECK (role IN ('CUSTOMER', 'SUPPORT')),
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX customer_email_uq ON customer (lower(email));

CREATE TABLE plan (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code          VARCHAR(40)  NOT NULL UNIQUE,
    name          VARCHAR(80)  NOT NULL,
    description   VARCHAR(300) NOT NULL,
    price_cents   INTEGER      NOT NULL CHECK (price_cents >= 0),
    currency      CHAR(3)      NOT NULL,
    period        VARCHAR(10)  NOT NULL CHECK (period IN ('TRIAL', 'MONTH', 'YEAR')),
    trial_days    INTEGER      NOT NULL DEFAULT 0,
    cpu_millis    INTEGER      NOT NULL,
    memory_mb     INTEGER      NOT NULL,
    disk_mb       INTEGER      NOT NULL,
    max_sites     INTEGER      NOT NULL,
    sort_order    INTEGER      NOT NULL DEFAULT 0
);

CREATE TABLE orders (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id     BIGINT       NOT NULL REFERENCES customer (id),
    plan_id         BIGINT       NOT NULL REFERENCES plan (id),
    site_name       VARCHAR(40)  NOT NULL,
    app             VARCHAR(40)  NOT NULL,
    payment_method  VARCHAR(20)  NOT NULL CHECK (payment_method IN ('NONE', 'BANK_TRANSFER')),
    status          VARCHAR(20)  NOT NULL,
    failure_reason  VARCHAR(1000),
    payment_ref     VARCHAR(200),
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX orders_customer_idx ON orders (customer_id, id DESC);

CREATE TABLE host (
    id          VARCHAR(40) PRIMARY KEY,
    last_seen   TIMESTAMPTZ NOT NULL DEFAULT now(),
    port_first  INTEGER     NOT NULL DEFAULT 20000,
    port_last   INTEGER     NOT NULL DEFAULT 29999
);

CREATE TABLE site (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id     BIGINT       NOT NULL REFERENCES customer (id),
    order_id        BIGINT       NOT NULL REFERENCES orders (id),
    name            VARCHAR(40)  NOT NULL,
    app             VARCHAR(40)  NOT NULL,
    status          VARCHAR(20)  NOT NULL,
    failure_reason  VARCHAR(1000),
    host_id         VARCHAR(40)  REFERENCES host (id),
    host_port       INTEGER,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ  NOT NULL DEFAULT now()
);
-- A name is taken while its site exists; a cancelled or failed site gives its name back.
CREATE UNIQUE INDEX site_name_live_uq ON site (name) WHERE status NOT IN ('CANCELLED', 'FAILED');
CREATE UNIQUE INDEX site_host_port_uq ON site (host_id, host_port)
    WHERE host_port IS NOT NULL AND status NOT IN ('CANCELLED', 'FAILED');
CREATE INDEX site_customer_idx ON site (customer_id, id);

CREATE TABLE api_token (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id  BIGINT      NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
    token_sha256 CHAR(64)    NOT NULL UNIQUE,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at   TIMESTAMPTZ NOT NULL
);
