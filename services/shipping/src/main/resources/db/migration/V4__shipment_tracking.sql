-- A shipment keeps a copy of where it goes (the recipient encrypted, bound to the shipment's id),
-- and when its carrier is asked again. The outbox carries shipping.events; an order cancelled
-- before its shipment was made is remembered, so a late create makes none. The simulated carrier's
-- parcels are the state of that carrier, kept here because it runs inside this service.
ALTER TABLE shipments
    ADD COLUMN country           char(2)      NOT NULL,
    ADD COLUMN postal_code       varchar(12),
    ADD COLUMN region            varchar(100),
    ADD COLUMN city              varchar(100),
    ADD COLUMN line1             varchar(200) NOT NULL,
    ADD COLUMN line2             varchar(200),
    ADD COLUMN recipient_cipher  text         NOT NULL,
    ADD COLUMN phone_cipher      text         NOT NULL,
    ADD COLUMN weight_grams      bigint       NOT NULL CHECK (weight_grams > 0),
    ADD COLUMN last_report_at    timestamptz  NOT NULL,
    ADD COLUMN next_poll_at      timestamptz;
-- the poller's queue: shipments whose carrier is due to be asked
CREATE INDEX shipments_due ON shipments (next_poll_at) WHERE next_poll_at IS NOT NULL;

CREATE TABLE cancelled_orders (
    order_id      uuid PRIMARY KEY,
    reason        varchar(500) NOT NULL,
    cancelled_at  timestamptz  NOT NULL
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

CREATE TABLE simulated_parcels (
    tracking_number      varchar(64)  PRIMARY KEY,
    reference            varchar(64)  NOT NULL,
    booked_at            timestamptz  NOT NULL,
    seed                 bigint       NOT NULL,
    option               varchar(20)  NOT NULL,
    postal_code          varchar(12)  NOT NULL,
    city                 varchar(100),
    line1                varchar(200) NOT NULL,
    speed                double precision NOT NULL,
    failed_attempt_rate  double precision NOT NULL,
    cancelled_at         timestamptz
);
