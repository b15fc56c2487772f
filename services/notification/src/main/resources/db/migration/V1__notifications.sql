-- Each user's choice of channels per category; a user without a row has the defaults (Preferences.defaults)
CREATE TABLE preferences (
    user_id               uuid PRIMARY KEY,
    -- {"ORDERS": ["EMAIL", "PUSH"], ...}: every category, each with the channels it goes out on
    channels              jsonb        NOT NULL,
    quiet_start           time,
    quiet_end             time,
    time_zone             varchar(64)  NOT NULL,
    marketing_consent_at  timestamptz,
    updated_at            timestamptz  NOT NULL
);

-- push tokens of users' devices; a token belongs to one user at a time (a phone that changed hands moves)
CREATE TABLE devices (
    token          varchar(4096) PRIMARY KEY,
    user_id        uuid         NOT NULL,
    platform       varchar(10)  NOT NULL,
    registered_at  timestamptz  NOT NULL
);
CREATE INDEX devices_by_user ON devices (user_id);

-- whose order is whose: payment and shipping events name the order, not its shopper
CREATE TABLE order_owners (
    order_id  uuid PRIMARY KEY,
    user_id   uuid         NOT NULL,
    seen_at   timestamptz  NOT NULL
);
CREATE INDEX order_owners_by_user ON order_owners (user_id);

-- The delivery log: one row per event, user and channel (the unique key makes an event told once per
-- channel however often it arrives). A row is PENDING until sent, skipped, refused or given up on; a
-- replica that takes it holds it until leased_until, so two never send it together.
CREATE TABLE deliveries (
    id               uuid PRIMARY KEY,
    event_id         uuid         NOT NULL,
    user_id          uuid         NOT NULL,
    trigger          varchar(40)  NOT NULL,
    channel          varchar(10)  NOT NULL,
    -- what the templates need: ids, amounts, numbers; never an address
    facts            jsonb        NOT NULL,
    status           varchar(10)  NOT NULL,
    attempts         integer      NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz  NOT NULL,
    leased_until     timestamptz,
    -- the address it went to (emptied when the user is erased)
    recipient        varchar(320),
    provider         varchar(20),
    provider_id      varchar(300),
    last_error       varchar(1000),
    created_at       timestamptz  NOT NULL,
    finished_at      timestamptz,
    UNIQUE (event_id, user_id, channel)
);
CREATE INDEX deliveries_due ON deliveries (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX deliveries_by_user ON deliveries (user_id, created_at DESC);
CREATE INDEX deliveries_by_status ON deliveries (status, created_at DESC);

-- the in-app feed; an entry's id is its delivery's, so a delivery sent twice is one entry
CREATE TABLE feed (
    id          uuid PRIMARY KEY,
    user_id     uuid          NOT NULL,
    trigger     varchar(40)   NOT NULL,
    title       varchar(300)  NOT NULL,
    body        varchar(2000) NOT NULL,
    link        varchar(2000),
    created_at  timestamptz   NOT NULL,
    read_at     timestamptz
);
CREATE INDEX feed_by_user ON feed (user_id, created_at DESC, id);
CREATE INDEX feed_unread ON feed (user_id) WHERE read_at IS NULL;

-- deliveries given up on, on their way to notification.dead-letter (libs/messaging's relay)
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
