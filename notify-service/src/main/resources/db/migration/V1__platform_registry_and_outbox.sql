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

CREATE TABLE platform (
    id                   VARCHAR(64) PRIMARY KEY,
    name                 VARCHAR(200) NOT NULL,
    home_jurisdiction    VARCHAR(2),
    legal_representative VARCHAR(500),
    email                VARCHAR(320),
    webhook_url          VARCHAR(2000),
    webhook_secret       VARCHAR(500),
    languages            VARCHAR(200) NOT NULL DEFAULT '',
    has_received_order   BOOLEAN NOT NULL DEFAULT FALSE,
    created_at           TIMESTAMPTZ NOT NULL,
    updated_at           TIMESTAMPTZ NOT NULL,
    version              BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE platform_hostname (
    hostname    VARCHAR(253) PRIMARY KEY,
    platform_id VARCHAR(64) NOT NULL REFERENCES platform (id) ON DELETE CASCADE
);
CREATE INDEX platform_hostname_platform ON platform_hostname (platform_id);
