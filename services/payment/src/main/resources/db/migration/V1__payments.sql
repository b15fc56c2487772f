-- Payments (one per order), their refunds, the ledger of every gateway operation, saved cards,
-- the outbox of payment events, processed command ids and idempotency keys. Money is an integer
-- amount in the currency's minor unit with its ISO 4217 code. No card number is ever stored:
-- a card is known by the gateway's token, its brand, last four digits and expiry.

CREATE TABLE payments (
    id                    uuid PRIMARY KEY,
    order_id              uuid         NOT NULL,
    user_id               uuid         NOT NULL,
    method                varchar(20)  NOT NULL,
    status                varchar(20)  NOT NULL,
    currency              char(3)      NOT NULL,
    amount_minor          bigint       NOT NULL CHECK (amount_minor > 0),
    authorised_minor      bigint       NOT NULL DEFAULT 0,
    captured_minor        bigint       NOT NULL DEFAULT 0,
    refunded_minor        bigint       NOT NULL DEFAULT 0,
    -- refunds sent to the gateway and not answered yet: they count against what may be refunded
    refund_pending_minor  bigint       NOT NULL DEFAULT 0,
    authorise_only        boolean      NOT NULL DEFAULT false,
    gateway               varchar(20)  NOT NULL,
    gateway_reference     varchar(255),
    card_token            varchar(255),
    saved_card_id         uuid,
    save_card             boolean      NOT NULL DEFAULT false,
    card_brand            varchar(20),
    card_last4            char(4),
    bank                  varchar(60),
    account_number        varchar(40),
    approval_url          varchar(2000),
    return_url            varchar(2000),
    expires_at            timestamptz,
    failure_code          varchar(40),
    failure_reason        varchar(500),
    created_at            timestamptz  NOT NULL,
    updated_at            timestamptz  NOT NULL,
    version               bigint       NOT NULL DEFAULT 0,
    CHECK (captured_minor <= amount_minor),
    CHECK (refunded_minor + refund_pending_minor <= captured_minor)
);
-- one payment per order: a charge command delivered twice finds the first
CREATE UNIQUE INDEX payments_order ON payments (order_id);
CREATE INDEX payments_user ON payments (user_id, created_at DESC);
-- the sweep of unknown outcomes and expiries
CREATE INDEX payments_waiting ON payments (status, updated_at) WHERE status IN ('PENDING', 'ACTION_REQUIRED');
CREATE UNIQUE INDEX payments_gateway_reference ON payments (gateway, gateway_reference);

CREATE TABLE refunds (
    id                uuid PRIMARY KEY,
    payment_id        uuid         NOT NULL REFERENCES payments (id),
    order_id          uuid         NOT NULL,
    amount_minor      bigint       NOT NULL CHECK (amount_minor > 0),
    currency          char(3)      NOT NULL,
    reason            varchar(500) NOT NULL,
    status            varchar(20)  NOT NULL,
    requested_by      varchar(100) NOT NULL,
    gateway_reference varchar(255),
    failure_code      varchar(40),
    failure_reason    varchar(500),
    created_at        timestamptz  NOT NULL,
    completed_at      timestamptz
);
CREATE INDEX refunds_payment ON refunds (payment_id, created_at);
CREATE INDEX refunds_pending ON refunds (created_at) WHERE status = 'PENDING';

-- Every operation sent to a gateway and how it ended: the history shoppers and staff read.
CREATE TABLE payment_transactions (
    id                uuid PRIMARY KEY,
    payment_id        uuid         NOT NULL REFERENCES payments (id),
    order_id          uuid         NOT NULL,
    user_id           uuid         NOT NULL,
    kind              varchar(20)  NOT NULL,
    amount_minor      bigint       NOT NULL,
    currency          char(3)      NOT NULL,
    outcome           varchar(20)  NOT NULL,
    gateway_reference varchar(255),
    failure_code      varchar(40),
    created_at        timestamptz  NOT NULL
);
CREATE INDEX payment_transactions_payment ON payment_transactions (payment_id, created_at);
CREATE INDEX payment_transactions_user ON payment_transactions (user_id, created_at DESC);
CREATE INDEX payment_transactions_order ON payment_transactions (order_id, created_at);

CREATE TABLE saved_cards (
    id             uuid PRIMARY KEY,
    user_id        uuid         NOT NULL,
    gateway        varchar(20)  NOT NULL,
    gateway_token  varchar(255) NOT NULL,
    brand          varchar(20)  NOT NULL,
    last4          char(4)      NOT NULL,
    exp_month      integer      NOT NULL,
    exp_year       integer      NOT NULL,
    created_at     timestamptz  NOT NULL
);
CREATE UNIQUE INDEX saved_cards_token ON saved_cards (user_id, gateway, gateway_token);

CREATE TABLE outbox (
    seq          bigserial PRIMARY KEY,
    id           uuid         NOT NULL UNIQUE,
    topic        varchar(100) NOT NULL,
    message_key  varchar(100) NOT NULL,
    payload      text         NOT NULL,
    created_at   timestamptz  NOT NULL,
    lease_until  timestamptz
);
CREATE INDEX outbox_by_subject ON outbox (message_key, seq);

CREATE TABLE processed_messages (
    consumer      varchar(100) NOT NULL,
    message_id    uuid         NOT NULL,
    processed_at  timestamptz  NOT NULL,
    PRIMARY KEY (consumer, message_id)
);
CREATE INDEX processed_messages_age ON processed_messages (processed_at);

CREATE TABLE idempotency_keys (
    scope        varchar(300) NOT NULL,
    key          varchar(255) NOT NULL,
    fingerprint  varchar(64)  NOT NULL,
    status       integer,
    location     varchar(2000),
    body         text,
    taken_at     timestamptz  NOT NULL,
    PRIMARY KEY (scope, key)
);
CREATE INDEX idempotency_keys_age ON idempotency_keys (taken_at);

-- The built-in sandbox gateway's own books, as a real gateway keeps them on its side.
CREATE TABLE sandbox_cards (
    token       varchar(64) PRIMARY KEY,
    brand       varchar(20) NOT NULL,
    last4       char(4)     NOT NULL,
    exp_month   integer     NOT NULL,
    exp_year    integer     NOT NULL,
    behaviour   varchar(30) NOT NULL,
    created_at  timestamptz NOT NULL
);

CREATE TABLE sandbox_charges (
    reference        varchar(64)  PRIMARY KEY,
    idempotency_key  varchar(255) NOT NULL UNIQUE,
    method           varchar(20)  NOT NULL,
    status           varchar(20)  NOT NULL,
    currency         char(3)      NOT NULL,
    amount_minor     bigint       NOT NULL,
    captured_minor   bigint       NOT NULL DEFAULT 0,
    refunded_minor   bigint       NOT NULL DEFAULT 0,
    card_token       varchar(64),
    failure_code     varchar(40),
    bank             varchar(60),
    account_number   varchar(40) UNIQUE,
    expires_at       timestamptz,
    deposit_due_at   timestamptz,
    created_at       timestamptz  NOT NULL
);
CREATE INDEX sandbox_charges_due ON sandbox_charges (deposit_due_at) WHERE status = 'ACTION_REQUIRED';

CREATE TABLE sandbox_refunds (
    reference        varchar(64)  PRIMARY KEY,
    idempotency_key  varchar(255) NOT NULL UNIQUE,
    charge_reference varchar(64)  NOT NULL REFERENCES sandbox_charges (reference),
    amount_minor     bigint       NOT NULL,
    created_at       timestamptz  NOT NULL
);
