-- Payments and the subscription lifecycle: Stripe ids, subscriptions, invoices, webhook events.

ALTER TABLE plan ADD COLUMN stripe_price_id VARCHAR(100);
UPDATE plan SET stripe_price_id = 'price_berth_starter_month' WHERE code = 'starter';
UPDATE plan SET stripe_price_id = 'price_berth_business_month' WHERE code = 'business';

ALTER TABLE customer ADD COLUMN stripe_customer_id VARCHAR(100);
CREATE INDEX customer_stripe_idx ON customer (stripe_customer_id)
    WHERE stripe_customer_id IS NOT NULL;

ALTER TABLE orders DROP CONSTRAINT orders_payment_method_check;
ALTER TABLE orders ADD CONSTRAINT orders_payment_method_check
    CHECK (payment_method IN ('NONE', 'BANK_TRANSFER', 'STRIPE'));
ALTER TABLE orders ADD COLUMN checkout_session_id VARCHAR(200);
ALTER TABLE orders ADD COLUMN checkout_url VARCHAR(1000);
ALTER TABLE orders ADD COLUMN refund_ref VARCHAR(200);
CREATE INDEX orders_checkout_session_idx ON orders (checkout_session_id)
    WHERE checkout_session_id IS NOT NULL;

-- A deleted site (its subscription terminated) gives its name and port back, like a cancelled one.
DROP INDEX site_name_live_uq;
CREATE UNIQUE INDEX site_name_live_uq ON site (name)
    WHERE status NOT IN ('CANCELLED', 'FAILED', 'DELETED');
DROP INDEX site_host_port_uq;
CREATE UNIQUE INDEX site_host_port_uq ON site (host_id, host_port)
    WHERE host_port IS NOT NULL AND status NOT IN ('CANCELLED', 'FAILED', 'DELETED');

CREATE TABLE subscription (
    id                     BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id            BIGINT       NOT NULL REFERENCES customer (id),
    order_id               BIGINT       NOT NULL UNIQUE REFERENCES orders (id),
    plan_id                BIGINT       NOT NULL REFERENCES plan (id),
    gateway                VARCHAR(20)  NOT NULL
                           CHECK (gateway IN ('NONE', 'BANK_TRANSFER', 'STRIPE')),
    status                 VARCHAR(20)  NOT NULL
                           CHECK (status IN ('INCOMPLETE', 'TRIALING', 'ACTIVE', 'PAST_DUE',
                                             'SUSPENDED', 'CANCELLED', 'TERMINATED')),
    stripe_subscription_id VARCHAR(100),
    current_period_end     TIMESTAMPTZ,
    cancel_at_period_end   BOOLEAN      NOT NULL DEFAULT false,
    -- when the current PAST_DUE, SUSPENDED or CANCELLED status began
    status_since           TIMESTAMPTZ,
    -- when a PAST_DUE one is suspended, or a SUSPENDED / CANCELLED one removed
    next_step_at           TIMESTAMPTZ,
    -- created-time of the newest Stripe subscription event applied to the row (out-of-order guard)
    stripe_state_at        TIMESTAMPTZ,
    created_at             TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at             TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX subscription_customer_idx ON subscription (customer_id, id);
CREATE INDEX subscription_stripe_idx ON subscription (stripe_subscription_id)
    WHERE stripe_subscription_id IS NOT NULL;

CREATE TABLE invoice (
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    subscription_id    BIGINT       NOT NULL REFERENCES subscription (id),
    customer_id        BIGINT       NOT NULL REFERENCES customer (id),
    -- Stripe's invoice id, or NULL for an invoice Berth opened (bank transfer)
    stripe_invoice_id  VARCHAR(100) UNIQUE,
    number             VARCHAR(60),
    amount_cents       BIGINT       NOT NULL DEFAULT 0,
    currency           CHAR(3)      NOT NULL,
    status             VARCHAR(20)  NOT NULL
                       CHECK (status IN ('DRAFT', 'OPEN', 'PAID', 'VOID', 'UNCOLLECTIBLE')),
    hosted_url         VARCHAR(1000),
    pdf_url            VARCHAR(1000),
    period_start       TIMESTAMPTZ,
    period_end         TIMESTAMPTZ,
    attempt_count      INTEGER      NOT NULL DEFAULT 0,
    paid_at            TIMESTAMPTZ,
    payment_ref        VARCHAR(200),
    created_at         TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at         TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX invoice_customer_idx ON invoice (customer_id, id DESC);
-- Berth opens one renewal invoice per period of a subscription it invoices itself.
CREATE UNIQUE INDEX invoice_berth_period_uq ON invoice (subscription_id, period_start)
    WHERE stripe_invoice_id IS NULL;

-- Every webhook event taken, in the transaction that acted on it: a redelivery does nothing.
CREATE TABLE payment_event (
    event_id     VARCHAR(100) PRIMARY KEY,
    type         VARCHAR(100) NOT NULL,
    object_id    VARCHAR(100),
    created_at   TIMESTAMPTZ  NOT NULL,
    received_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- Every billing e-mail sent: a retried activity does not send it twice.
CREATE TABLE billing_notice (
    subscription_id BIGINT       NOT NULL REFERENCES subscription (id),
    notice          VARCHAR(30)  NOT NULL,
    notice_key      VARCHAR(200) NOT NULL,
    sent_at         TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (subscription_id, notice, notice_key)
);
