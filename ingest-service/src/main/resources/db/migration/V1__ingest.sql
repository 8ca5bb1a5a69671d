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

-- Evidence: content bytes stored once, addressed by their SHA-256. The bytes themselves live in the
-- configured evidence store (evidence_content below, or the filesystem); this row describes them and
-- their preservation (TCO Art. 6): kept until retain_until (six months after the case closed) or a
-- later legal hold, then purged by the scheduled purge, which keeps this row and the custody chain.
CREATE TABLE evidence (
    sha256             VARCHAR(64) PRIMARY KEY,
    md5                VARCHAR(32) NOT NULL,
    media_type         VARCHAR(255) NOT NULL,
    size_bytes         BIGINT NOT NULL,
    first_seen_at      TIMESTAMPTZ NOT NULL,
    owner_jurisdiction VARCHAR(16) NOT NULL,
    pdq                VARCHAR(64),
    pdq_quality        INT,
    closed_case_id     UUID,
    case_closed_at     TIMESTAMPTZ,
    retain_until       TIMESTAMPTZ,
    legal_hold_until   TIMESTAMPTZ,
    legal_hold_reasons VARCHAR(2000),
    purged_at          TIMESTAMPTZ,
    purge_reason       VARCHAR(500),
    version            BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX evidence_purge_due ON evidence (retain_until) WHERE purged_at IS NULL AND retain_until IS NOT NULL;

-- The bytes, when vigie.ingest.evidence-store=postgres.
CREATE TABLE evidence_content (
    sha256  VARCHAR(64) PRIMARY KEY REFERENCES evidence (sha256),
    content BYTEA NOT NULL
);

-- A referral as submitted, and what became of it.
CREATE TABLE referral (
    id                       UUID PRIMARY KEY,
    status                   VARCHAR(20) NOT NULL,
    url                      VARCHAR(8192) NOT NULL,
    canonical_url            TEXT NOT NULL,
    platform_id              VARCHAR(100),
    platform_known           BOOLEAN NOT NULL,
    content_type             VARCHAR(20) NOT NULL,
    text                     TEXT,
    media_type               VARCHAR(255),
    language                 VARCHAR(35),
    observed_at              TIMESTAMPTZ,
    notes                    VARCHAR(4000),
    reference                VARCHAR(200),
    sha256                   VARCHAR(64) REFERENCES evidence (sha256),
    md5                      VARCHAR(32),
    pdq                      VARCHAR(64),
    pdq_quality              INT,
    duplicate_of             UUID REFERENCES referral (id),
    case_id                  UUID,
    jurisdiction             VARCHAR(16) NOT NULL,
    agency                   VARCHAR(100) NOT NULL,
    submitted_by             VARCHAR(300) NOT NULL,
    submitted_at             TIMESTAMPTZ NOT NULL,
    classification_id        UUID,
    classification_score     NUMERIC(4, 3),
    classification_tier      VARCHAR(40),
    classification_categories VARCHAR(500),
    classification_routing   VARCHAR(40),
    classified_at            TIMESTAMPTZ,
    case_linked_at           TIMESTAMPTZ,
    case_status              VARCHAR(40),
    deconfliction_case_id      UUID,
    deconfliction_jurisdiction VARCHAR(16),
    deconfliction_agency       VARCHAR(100),
    deconfliction_status       VARCHAR(40),
    version                  BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX referral_canonical_url ON referral USING hash (canonical_url);
CREATE INDEX referral_sha256 ON referral (sha256, submitted_at) WHERE sha256 IS NOT NULL;
CREATE INDEX referral_listing ON referral (jurisdiction, submitted_at, id);

-- Chain of custody: every submission and every read of evidence, append-only.
CREATE TABLE custody_event (
    id           UUID PRIMARY KEY,
    sha256       VARCHAR(64) NOT NULL REFERENCES evidence (sha256),
    referral_id  UUID REFERENCES referral (id),
    action       VARCHAR(30) NOT NULL,
    actor        VARCHAR(300) NOT NULL,
    tenant       VARCHAR(100) NOT NULL,
    jurisdiction VARCHAR(16),
    agency       VARCHAR(100),
    token_id     VARCHAR(200),
    detail       VARCHAR(2000),
    at           TIMESTAMPTZ NOT NULL
);
CREATE INDEX custody_event_sha256 ON custody_event (sha256, at);

-- Idempotency-Key: per caller, the request's hash and the answer given.
CREATE TABLE idempotency_record (
    caller          VARCHAR(300) NOT NULL,
    idempotency_key VARCHAR(255) NOT NULL,
    request_hash    VARCHAR(64) NOT NULL,
    referral_id     UUID REFERENCES referral (id),
    response_status INT,
    response_body   TEXT,
    created_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (caller, idempotency_key)
);

CREATE RULE custody_event_no_update AS ON UPDATE TO custody_event DO INSTEAD NOTHING;
CREATE RULE custody_event_no_delete AS ON DELETE TO custody_event DO INSTEAD NOTHING;

-- Case sharing reaches the evidence: while a share is active (revoked_at null), the shared
-- jurisdiction's reviewers and issuers may read the bytes. One row per evidence and jurisdiction;
-- a later share after a revocation replaces the share id and clears revoked_at.
CREATE TABLE evidence_share (
    sha256       VARCHAR(64) NOT NULL REFERENCES evidence (sha256),
    jurisdiction VARCHAR(16) NOT NULL,
    case_id      UUID NOT NULL,
    share_id     UUID NOT NULL,
    shared_at    TIMESTAMPTZ NOT NULL,
    revoked_at   TIMESTAMPTZ,
    version      BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (sha256, jurisdiction)
);
