CREATE TABLE outbox_message (
    id              UUID PRIMARY KEY,
    seq             BIGSERIAL NOT NULL UNIQUE,
    topic           VARCHAR(100) NOT NULL,
    aggregate_key   VARCHAR(200) NOT NULL,
    payload         TEXT NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    attempts        INT NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    claimed_until   TIMESTAMPTZ,
    last_error      VARCHAR(2000),
    delivered_at    TIMESTAMPTZ,
    dead_at         TIMESTAMPTZ
);
CREATE INDEX outbox_message_due ON outbox_message (next_attempt_at) WHERE delivered_at IS NULL AND dead_at IS NULL;
CREATE INDEX outbox_message_key ON outbox_message (aggregate_key, seq) WHERE delivered_at IS NULL AND dead_at IS NULL;

-- webhook_secret and webhook_previous_secret hold AES-GCM ciphertext (vigie.notify.secret-key), never the secret.
CREATE TABLE platform (
    id                            VARCHAR(64) PRIMARY KEY,
    name                          VARCHAR(200) NOT NULL,
    home_jurisdiction             VARCHAR(2),
    legal_representative          VARCHAR(500),
    email                         VARCHAR(320),
    webhook_url                   VARCHAR(2000),
    webhook_secret                VARCHAR(500),
    webhook_previous_secret       VARCHAR(500),
    webhook_previous_secret_until TIMESTAMPTZ,
    languages                     VARCHAR(200) NOT NULL DEFAULT '',
    has_received_order            BOOLEAN NOT NULL DEFAULT FALSE,
    created_at                    TIMESTAMPTZ NOT NULL,
    updated_at                    TIMESTAMPTZ NOT NULL,
    version                       BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE platform_hostname (
    hostname    VARCHAR(253) PRIMARY KEY,
    platform_id VARCHAR(64) NOT NULL REFERENCES platform (id) ON DELETE CASCADE
);
CREATE INDEX platform_hostname_platform ON platform_hostname (platform_id);

-- What a neighbour asked us to deliver to a platform or an authority; the id is the sender's, so replays find it.
-- recipient is the platform id (recipient_type PLATFORM, then platform_id too) or the jurisdiction (AUTHORITY).
CREATE TABLE notification (
    id              UUID PRIMARY KEY,
    kind            VARCHAR(40) NOT NULL,
    recipient_type  VARCHAR(20) NOT NULL,
    recipient       VARCHAR(64) NOT NULL,
    platform_id     VARCHAR(64) REFERENCES platform (id),
    -- AUTHORITY: the platform the notice is about, as the sender named it (not necessarily registered)
    platform_concerned VARCHAR(64),
    subject_type    VARCHAR(50) NOT NULL,
    subject_id      UUID NOT NULL,
    jurisdiction    VARCHAR(2) NOT NULL,
    payload         TEXT NOT NULL,
    status          VARCHAR(20) NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    received_at     TIMESTAMPTZ,
    receipt_channel VARCHAR(20),
    version         BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX notification_subject ON notification (subject_type, subject_id);
CREATE INDEX notification_platform ON notification (platform_id);

-- Every notification lands in its platform's pull inbox.
CREATE TABLE inbox_item (
    id              UUID PRIMARY KEY,
    seq             BIGSERIAL NOT NULL UNIQUE,
    notification_id UUID NOT NULL UNIQUE REFERENCES notification (id),
    platform_id     VARCHAR(64) NOT NULL REFERENCES platform (id),
    created_at      TIMESTAMPTZ NOT NULL,
    acknowledged_at TIMESTAMPTZ,
    version         BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX inbox_item_platform ON inbox_item (platform_id, seq);

-- One delivery per notification and channel: the proof of sending and receipt.
CREATE TABLE delivery (
    id              UUID PRIMARY KEY,
    seq             BIGSERIAL NOT NULL UNIQUE,
    notification_id UUID NOT NULL REFERENCES notification (id),
    channel         VARCHAR(20) NOT NULL,
    target          VARCHAR(2000) NOT NULL,
    status          VARCHAR(20) NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    sent_at         TIMESTAMPTZ,
    received_at     TIMESTAMPTZ,
    dead_at         TIMESTAMPTZ,
    -- what the record must say beside its times, e.g. that an e-mail sent is not a receipt
    note            VARCHAR(500),
    -- EMAIL: the Message-ID of every copy sent, stable per notification
    message_id      VARCHAR(300),
    version         BIGINT NOT NULL DEFAULT 0,
    UNIQUE (notification_id, channel)
);
CREATE INDEX delivery_status ON delivery (status, seq);

-- Every attempt (webhook POST or SMTP hand-over), successful or not, written in its own transaction.
CREATE TABLE delivery_attempt (
    id           UUID PRIMARY KEY,
    delivery_id  UUID NOT NULL REFERENCES delivery (id),
    attempted_at TIMESTAMPTZ NOT NULL,
    target       VARCHAR(2000) NOT NULL,
    status_code  INT,
    latency_ms   BIGINT NOT NULL,
    error        VARCHAR(2000)
);
CREATE INDEX delivery_attempt_delivery ON delivery_attempt (delivery_id, attempted_at);

-- Annex II / Annex III feedback from the platform an order was addressed to.
CREATE TABLE feedback (
    id                      UUID PRIMARY KEY,
    notification_id         UUID NOT NULL REFERENCES notification (id),
    removal_order_id        UUID NOT NULL,
    platform_id             VARCHAR(64) NOT NULL REFERENCES platform (id),
    form                    VARCHAR(20) NOT NULL,
    action                  VARCHAR(20),
    action_at               TIMESTAMPTZ,
    reference               VARCHAR(200),
    reason                  VARCHAR(40),
    explanation             VARCHAR(4000),
    clarification_requested BOOLEAN,
    received_at             TIMESTAMPTZ NOT NULL,
    idempotency_key         VARCHAR(200),
    request_hash            VARCHAR(64) NOT NULL,
    UNIQUE (platform_id, idempotency_key)
);
CREATE INDEX feedback_order ON feedback (removal_order_id);

-- A platform's request for scrutiny of a cross-border removal order (Art. 4(7) TCO), within 48 hours of its
-- notification; one per order and platform, forwarded to case-service.
CREATE TABLE scrutiny_request (
    id               UUID PRIMARY KEY,
    notification_id  UUID NOT NULL REFERENCES notification (id),
    removal_order_id UUID NOT NULL,
    platform_id      VARCHAR(64) NOT NULL REFERENCES platform (id),
    reasons          VARCHAR(4000) NOT NULL,
    requested_at     TIMESTAMPTZ NOT NULL,
    UNIQUE (removal_order_id, platform_id)
);
