-- Orders are event-sourced: order_events is the source of truth, appended only, one row per event
-- numbered per order (the primary key refuses a second event with a number already taken: two
-- changes decided on the same version cannot both be written). Everything else here is derived
-- from it and can be rebuilt: snapshots, the orders read model, the day statistics.
CREATE TABLE order_events (
    order_id        uuid         NOT NULL,
    seq             integer      NOT NULL,
    type            varchar(40)  NOT NULL,
    payload         text         NOT NULL,
    occurred_at     timestamptz  NOT NULL,
    -- the message or request that caused it, and the placing request every event of the order follows from
    causation_id    uuid,
    correlation_id  uuid,
    PRIMARY KEY (order_id, seq)
);
CREATE INDEX order_events_in_order ON order_events (occurred_at, order_id, seq);

-- the state folded up to seq, so a long stream is not read from its start every time
CREATE TABLE order_snapshots (
    order_id  uuid PRIMARY KEY,
    seq       integer      NOT NULL,
    state     text         NOT NULL,
    taken_at  timestamptz  NOT NULL
);

-- a shopper's history and the saga's deadlines (the projection of every order's events)
CREATE TABLE orders (
    order_id       uuid PRIMARY KEY,
    user_id        uuid         NOT NULL,
    status         varchar(20)  NOT NULL,
    total          bigint       NOT NULL,
    currency       char(3)      NOT NULL,
    item_count     integer      NOT NULL,
    first_item     varchar(200),
    placed_at      timestamptz  NOT NULL,
    updated_at     timestamptz  NOT NULL,
    version        integer      NOT NULL,
    deadline_step  varchar(20),
    deadline_at    timestamptz
);
CREATE INDEX orders_by_user ON orders (user_id, placed_at DESC, order_id);
CREATE INDEX orders_due ON orders (deadline_at) WHERE deadline_at IS NOT NULL;

-- how the shopper pays, until the charge is asked for: a card token is a secret of the card, so it
-- is kept here for minutes, never in an event, and deleted when the charge command is written
CREATE TABLE payment_instructions (
    order_id       uuid PRIMARY KEY,
    card_token     varchar(255),
    saved_card_id  uuid,
    save_card      boolean      NOT NULL,
    return_url     varchar(2000)
);

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

-- Idempotency-Key of each placement (libs/idempotency), kept 24 h
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
