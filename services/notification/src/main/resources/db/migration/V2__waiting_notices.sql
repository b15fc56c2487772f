-- Notices about an order whose owner is not known yet: payment and shipping events name only the
-- order, and its order.placed is read from another topic, so it may come later, or never (an order
-- another system made up). They wait here instead of holding up the topic they came from, are told
-- when the owner is learned, and are forgotten after mall.notification.owner-wait.
CREATE TABLE waiting_notices (
    event_id    uuid PRIMARY KEY,
    order_id    uuid         NOT NULL,
    trigger     varchar(40)  NOT NULL,
    facts       jsonb        NOT NULL,
    occurred_at timestamptz  NOT NULL,
    parked_at   timestamptz  NOT NULL
);
CREATE INDEX waiting_notices_by_order ON waiting_notices (order_id);
CREATE INDEX waiting_notices_by_age ON waiting_notices (parked_at);
