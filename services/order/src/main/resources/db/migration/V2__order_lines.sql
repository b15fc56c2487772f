-- The lines of every order, for the statistics (top products): written with the order's first
-- event, rebuilt from the events with the rest of the read model.
CREATE TABLE order_lines (
    order_id    uuid         NOT NULL,
    line_no     integer      NOT NULL,
    sku         varchar(64)  NOT NULL,
    product_id  varchar(64),
    name        varchar(200),
    quantity    integer      NOT NULL,
    amount      bigint       NOT NULL,
    PRIMARY KEY (order_id, line_no)
);
-- statistics read orders by the day they were placed
CREATE INDEX orders_by_day ON orders (placed_at);
