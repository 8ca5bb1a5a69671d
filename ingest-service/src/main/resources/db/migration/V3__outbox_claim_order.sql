-- The outbox relay claims by walking one index in the order it relays (urgent before routine, then by
-- seq) and checks a message's predecessor with the same key by that message's seq (after_seq, set when
-- the message is written). The earlier claim joined pending messages with each other; when a burst
-- followed a quiet spell, the table's statistics still said nothing was pending and the planner chose a
-- nested loop over all pending messages for each of them (1.4 s a claim with 1,248 pending).
ALTER TABLE outbox_message ADD COLUMN priority SMALLINT NOT NULL DEFAULT 1;
ALTER TABLE outbox_message ADD COLUMN after_seq BIGINT;

-- Pending messages keep their order per key; their priority is set by the relay when it starts, from
-- its handlers' topics.
UPDATE outbox_message o SET after_seq = (
    SELECT max(p.seq) FROM outbox_message p
    WHERE p.aggregate_key = o.aggregate_key AND p.seq < o.seq AND p.delivered_at IS NULL AND p.dead_at IS NULL)
WHERE o.delivered_at IS NULL AND o.dead_at IS NULL;

CREATE INDEX outbox_message_claim ON outbox_message (priority, seq) WHERE delivered_at IS NULL AND dead_at IS NULL;
DROP INDEX outbox_message_due;
