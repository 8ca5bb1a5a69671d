-- Delivered messages are deleted after vigie.outbox.retention (eu.vigie.common.outbox.OutboxRetention): its sweep
-- finds them by the time they were delivered.
CREATE INDEX outbox_message_delivered ON outbox_message (delivered_at) WHERE delivered_at IS NOT NULL;
