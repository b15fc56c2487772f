-- Orders for ./mall bench orders, straight into the order service's tables: each a Placed event
-- (the source of truth) and its read-model row, as the service writes them. :owner gets the first
-- 100 (the shopper the benchmark reads as, new each run); the others belong to 10,000 other
-- shoppers. Re-running adds what is missing up to :n.
INSERT INTO order_events (order_id, seq, type, payload, occurred_at)
SELECT s.id, 1, 'Placed', json_build_object(
           'userId', s.user_id, 'currency', 'KRW', 'subtotal', 25000, 'shippingFee', 3000, 'total', 28000,
           'addressId', md5('bench-address-' || s.g)::uuid, 'shippingOption', 'STANDARD', 'weightGrams', 800,
           'promisedBy', '2026-12-01', 'paymentMethod', 'CARD', 'fromCart', false,
           'lines', json_build_array(json_build_object('sku', 'DEMO-' || (s.g % 1000) || '-0', 'productId', 'bench-product',
                                                      'name', '벤치 상품 ' || (s.g % 1000), 'unitPrice', 25000, 'quantity', 1)))::text,
       s.placed_at
FROM (SELECT g, md5('bench-order-' || CASE WHEN g <= 100 THEN :'owner' || '-' ELSE '' END || g)::uuid AS id,
             CASE WHEN g <= 100 THEN :'owner'::uuid ELSE md5('bench-user-' || (g % 10000))::uuid END AS user_id,
             now() - make_interval(secs => g * 30) AS placed_at
      FROM generate_series(1, :n) g) s
ON CONFLICT DO NOTHING;

INSERT INTO orders (order_id, user_id, status, total, currency, item_count, first_item, placed_at, updated_at, version)
SELECT e.order_id, (e.payload::json ->> 'userId')::uuid, 'RECEIVED', 28000, 'KRW', 1, e.payload::json -> 'lines' -> 0 ->> 'name',
       e.occurred_at, e.occurred_at, 1
FROM order_events e WHERE e.seq = 1 AND e.type = 'Placed' AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.order_id = e.order_id)
ON CONFLICT DO NOTHING;

ANALYZE orders;
ANALYZE order_events;
