-- ACME certificates: orders at the CA (URL stored before anything polls it, so a retried activity
-- resumes the same order) and the certificates they produced. Private keys are secrets
-- ('acme-order:<id>:key', 'acme-account:<ca>:key'), never columns.

CREATE TABLE acme_order (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- 'site-<id>' or 'platform'.
    subject       VARCHAR(40)   NOT NULL,
    -- Sorted, space-separated.
    names         VARCHAR(4000) NOT NULL,
    challenge     VARCHAR(10)   NOT NULL,
    order_url     VARCHAR(1000) UNIQUE,
    -- PENDING (at the CA, not finished), VALID (certificate stored), INVALID (failed for good).
    status        VARCHAR(20)   NOT NULL,
    failure       VARCHAR(2000),
    expires_at    TIMESTAMPTZ,
    created_at    TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_at    TIMESTAMPTZ   NOT NULL DEFAULT now()
);
CREATE INDEX acme_order_subject_idx ON acme_order (subject, id);

CREATE TABLE certificate (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    subject       VARCHAR(40)   NOT NULL,
    -- One certificate per order: a retried finalize finds it.
    order_id      BIGINT        NOT NULL UNIQUE REFERENCES acme_order (id),
    names         VARCHAR(4000) NOT NULL,
    serial        VARCHAR(100)  NOT NULL,
    issuer        VARCHAR(500)  NOT NULL,
    not_before    TIMESTAMPTZ   NOT NULL,
    not_after     TIMESTAMPTZ   NOT NULL,
    -- The leaf first, then the intermediates (PEM).
    chain_pem     TEXT          NOT NULL,
    installed_at  TIMESTAMPTZ,
    created_at    TIMESTAMPTZ   NOT NULL DEFAULT now()
);
CREATE INDEX certificate_subject_idx ON certificate (subject, id);
