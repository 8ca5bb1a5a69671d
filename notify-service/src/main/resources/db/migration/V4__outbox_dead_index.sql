-- Dead-lettered messages are few among the delivered ones, which stay in the table: the vigie.outbox.dead gauge
-- counts them on every metrics scrape (and notify-service's dead-delivery sweep joins them by key), and without an
-- index of their own each count read the whole table.
CREATE INDEX outbox_message_dead ON outbox_message (aggregate_key) WHERE dead_at IS NOT NULL;
