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

-- Hash banks: named collections of signals (PDQ, MD5, SHA-256) with their labels.
CREATE TABLE hash_bank (
    name        VARCHAR(64) PRIMARY KEY,
    description VARCHAR(1000),
    enabled     BOOLEAN NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    created_by  VARCHAR(300) NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL,
    updated_by  VARCHAR(300) NOT NULL,
    version     BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE bank_signal (
    id          UUID PRIMARY KEY,
    bank_name   VARCHAR(64) NOT NULL REFERENCES hash_bank (name),
    signal_type VARCHAR(10) NOT NULL CHECK (signal_type IN ('PDQ', 'MD5', 'SHA256')),
    value       VARCHAR(64) NOT NULL CHECK (value ~ '^[0-9a-f]+$'),
    categories  VARCHAR(200) NOT NULL DEFAULT '',
    entity      VARCHAR(200),
    tier        VARCHAR(20),
    source      VARCHAR(500),
    enabled     BOOLEAN NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    created_by  VARCHAR(300) NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL,
    updated_by  VARCHAR(300) NOT NULL,
    version     BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT bank_signal_unique UNIQUE (bank_name, signal_type, value),
    CONSTRAINT bank_signal_length CHECK ((signal_type = 'MD5' AND length(value) = 32)
        OR (signal_type IN ('PDQ', 'SHA256') AND length(value) = 64))
);
CREATE INDEX bank_signal_lookup ON bank_signal (signal_type, value);

-- Who changed what, when: banks, signals, designation lists and indicators.
CREATE TABLE audit_entry (
    id           UUID PRIMARY KEY,
    seq          BIGSERIAL NOT NULL UNIQUE,
    at           TIMESTAMPTZ NOT NULL,
    actor        VARCHAR(300) NOT NULL,
    action       VARCHAR(60) NOT NULL,
    subject_type VARCHAR(40) NOT NULL,
    subject_id   VARCHAR(200) NOT NULL,
    detail       TEXT NOT NULL
);
CREATE INDEX audit_entry_subject ON audit_entry (subject_type, subject_id, seq);

-- Designated entities (proscribed or listed organisations) and their aliases in several languages.
CREATE TABLE designated_entity (
    id          UUID PRIMARY KEY,
    name        VARCHAR(200) NOT NULL UNIQUE,
    tier        VARCHAR(20) NOT NULL,
    source      VARCHAR(500) NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    created_by  VARCHAR(300) NOT NULL
);

CREATE TABLE entity_alias (
    id             UUID PRIMARY KEY,
    entity_id      UUID NOT NULL REFERENCES designated_entity (id),
    alias          VARCHAR(200) NOT NULL,
    language       VARCHAR(8) NOT NULL,
    case_sensitive BOOLEAN NOT NULL DEFAULT FALSE,
    created_at     TIMESTAMPTZ NOT NULL,
    created_by     VARCHAR(300) NOT NULL,
    CONSTRAINT entity_alias_unique UNIQUE (entity_id, alias, language)
);

-- Phrases that indicate one of the Art. 2(7) categories, per language.
CREATE TABLE category_indicator (
    id          UUID PRIMARY KEY,
    category    VARCHAR(30) NOT NULL,
    phrase      VARCHAR(300) NOT NULL,
    language    VARCHAR(8) NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    created_by  VARCHAR(300) NOT NULL,
    CONSTRAINT category_indicator_unique UNIQUE (category, phrase, language)
);

-- Every verdict given, one per referral; the answer is kept exactly as it was given.
CREATE TABLE classification (
    id            UUID PRIMARY KEY,
    referral_id   UUID NOT NULL UNIQUE,
    jurisdiction  VARCHAR(2),
    url           VARCHAR(8000),
    platform_id   VARCHAR(64),
    content_type  VARCHAR(20),
    language      VARCHAR(16),
    sha256        VARCHAR(64),
    md5           VARCHAR(32),
    pdq           VARCHAR(64),
    categories    VARCHAR(200) NOT NULL,
    entity        VARCHAR(200),
    tier          VARCHAR(20),
    score         INT NOT NULL,
    routing       VARCHAR(20) NOT NULL,
    verdict       TEXT NOT NULL,
    classified_at TIMESTAMPTZ NOT NULL,
    classified_by VARCHAR(300) NOT NULL
);

INSERT INTO hash_bank (name, description, enabled, created_at, created_by, updated_at, updated_by)
VALUES ('CONFIRMED', 'Signals of content a reviewer confirmed as terrorist content (added by case-service)', TRUE,
        now(), 'system:migration', now(), 'system:migration');
