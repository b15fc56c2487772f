-- Every payment command is idempotent by itself (per order, per refund id), so consumers no longer
-- remember processed message ids.
DROP TABLE processed_messages;
