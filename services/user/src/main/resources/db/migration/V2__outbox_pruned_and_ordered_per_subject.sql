-- The relay now deletes what Kafka acknowledged, and claims only the oldest waiting row of each
-- subject (libs/messaging PostgresOutboxRelay): rows published before are of no further use.
DELETE FROM outbox WHERE published_at IS NOT NULL;
DROP INDEX outbox_unpublished;
ALTER TABLE outbox DROP COLUMN published_at;
CREATE INDEX outbox_by_subject ON outbox (message_key, seq);
