-- One shipment per order, and every tracking event it had, numbered per shipment (the numbers
-- are the ids of the live stream's events, so a reconnect asks for what came after the last one).
CREATE TABLE shipments (
    id               uuid PRIMARY KEY,
    order_id         uuid         NOT NULL,
    user_id          uuid         NOT NULL,
    option           varchar(20)  NOT NULL,
    status           varchar(20)  NOT NULL,
    carrier          varchar(20)  NOT NULL,
    tracking_number  varchar(64)  NOT NULL,
    promised_by      date,
    event_count      integer      NOT NULL,
    created_at       timestamptz  NOT NULL,
    updated_at       timestamptz  NOT NULL,
    version          bigint       NOT NULL DEFAULT 0
);
-- the same create command twice finds the first shipment
CREATE UNIQUE INDEX shipments_order ON shipments (order_id);
CREATE UNIQUE INDEX shipments_tracking ON shipments (carrier, tracking_number);
CREATE INDEX shipments_user ON shipments (user_id, created_at DESC);

CREATE TABLE tracking_events (
    shipment_id  uuid         NOT NULL REFERENCES shipments (id),
    seq          integer      NOT NULL,
    status       varchar(20)  NOT NULL,
    place        varchar(200),
    detail       varchar(500),
    at           timestamptz  NOT NULL,
    PRIMARY KEY (shipment_id, seq)
);
