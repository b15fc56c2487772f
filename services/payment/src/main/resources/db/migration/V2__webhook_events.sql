-- Webhook events taken from gateways, by their id: a gateway sends an event again until it is
-- answered 2xx, and an event seen before is answered without being processed again.
CREATE TABLE webhook_events (
    gateway      varchar(20)  NOT NULL,
    event_id     varchar(255) NOT NULL,
    type         varchar(100) NOT NULL,
    received_at  timestamptz  NOT NULL,
    PRIMARY KEY (gateway, event_id)
);
CREATE INDEX webhook_events_age ON webhook_events (received_at);
