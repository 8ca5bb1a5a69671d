-- Cases: one per piece of content (contentKey), owned by the jurisdiction of its first referral.
CREATE TABLE vigie_case (
    id                      UUID PRIMARY KEY,
    content_key             VARCHAR(2100) NOT NULL UNIQUE,
    owner_jurisdiction      VARCHAR(8) NOT NULL,
    owner_agency            VARCHAR(100),
    status                  VARCHAR(30) NOT NULL,
    platform_id             VARCHAR(100),
    platform_known          BOOLEAN NOT NULL DEFAULT FALSE,
    tier                    VARCHAR(30),
    tier_rank               INT NOT NULL,
    score                   INT NOT NULL,
    classification          TEXT,
    claimed_by              VARCHAR(300),
    claimed_at              TIMESTAMPTZ,
    assessment_decision     VARCHAR(30),
    assessment_categories   VARCHAR(200),
    assessment_tier         VARCHAR(30),
    assessment_entity       VARCHAR(300),
    assessment_legal_basis  VARCHAR(1000),
    assessment_reasons      TEXT,
    assessed_by             VARCHAR(300),
    assessed_at             TIMESTAMPTZ,
    created_at              TIMESTAMPTZ NOT NULL,
    updated_at              TIMESTAMPTZ NOT NULL,
    version                 BIGINT NOT NULL
);
CREATE INDEX vigie_case_owner ON vigie_case (owner_jurisdiction, created_at DESC, id DESC);
CREATE INDEX vigie_case_queue ON vigie_case (owner_jurisdiction, status, tier_rank, score DESC, created_at);

-- Referrals received from ingest-service; the primary key is the referralId (idempotency).
CREATE TABLE case_referral (
    id              UUID PRIMARY KEY,
    case_id         UUID NOT NULL REFERENCES vigie_case (id),
    created_case    BOOLEAN NOT NULL,
    jurisdiction    VARCHAR(8) NOT NULL,
    agency          VARCHAR(100),
    submitted_by    VARCHAR(300),
    submitted_at    TIMESTAMPTZ,
    url             VARCHAR(4096) NOT NULL,
    canonical_url   VARCHAR(4096),
    platform_id     VARCHAR(100),
    platform_known  BOOLEAN NOT NULL,
    content_type    VARCHAR(20),
    content_key     VARCHAR(2100) NOT NULL,
    signals         TEXT,
    reference       VARCHAR(200),
    notes           TEXT,
    classification  TEXT,
    received_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX case_referral_case ON case_referral (case_id, received_at);
CREATE INDEX case_referral_jurisdiction ON case_referral (jurisdiction, case_id);

-- Removal orders (Annex I of Regulation (EU) 2021/784) and the times that prove them.
CREATE TABLE removal_order (
    id                          UUID PRIMARY KEY,
    case_id                     UUID NOT NULL REFERENCES vigie_case (id),
    reference_number            VARCHAR(40) NOT NULL UNIQUE,
    issuing_jurisdiction        VARCHAR(8) NOT NULL,
    file_number                 VARCHAR(200),
    authority_type              VARCHAR(200) NOT NULL,
    authority_name              VARCHAR(300) NOT NULL,
    authority_officer           VARCHAR(300) NOT NULL,
    authority_contact           VARCHAR(500) NOT NULL,
    issued_by                   VARCHAR(300) NOT NULL,
    platform_id                 VARCHAR(100) NOT NULL,
    platform_home_jurisdiction  VARCHAR(8),
    urls                        TEXT NOT NULL,
    content_locator             VARCHAR(2000),
    categories                  VARCHAR(200) NOT NULL,
    reasons                     TEXT NOT NULL,
    do_not_inform               BOOLEAN NOT NULL,
    emergency                   BOOLEAN NOT NULL,
    emergency_reasons           TEXT,
    cross_border                BOOLEAN,
    home_authority_copied       BOOLEAN NOT NULL,
    redress_body                VARCHAR(500) NOT NULL,
    redress_deadline            VARCHAR(200) NOT NULL,
    redress_legal_reference     VARCHAR(500) NOT NULL,
    signature_algorithm         VARCHAR(20) NOT NULL,
    signature                   VARCHAR(64) NOT NULL,
    status                      VARCHAR(20) NOT NULL,
    issued_at                   TIMESTAMPTZ NOT NULL,
    sent_at                     TIMESTAMPTZ,
    received_at                 TIMESTAMPTZ,
    deadline_at                 TIMESTAMPTZ,
    complied_at                 TIMESTAMPTZ,
    complied_action             VARCHAR(20),
    suspended_at                TIMESTAMPTZ,
    suspension_reason           VARCHAR(40),
    suspension_explanation      TEXT,
    remaining_seconds           BIGINT,
    overdue_at                  TIMESTAMPTZ,
    withdrawn_at                TIMESTAMPTZ,
    withdrawn_by                VARCHAR(300),
    withdrawal_reasons          TEXT,
    updated_at                  TIMESTAMPTZ NOT NULL,
    version                     BIGINT NOT NULL
);
CREATE INDEX removal_order_case ON removal_order (case_id, issued_at);
CREATE INDEX removal_order_deadline ON removal_order (deadline_at) WHERE status = 'RECEIVED';

-- Per jurisdiction and year, the last reference number handed out (GB-2026-000123).
CREATE TABLE order_reference_counter (
    jurisdiction  VARCHAR(8) NOT NULL,
    year          INT NOT NULL,
    last_value    BIGINT NOT NULL,
    PRIMARY KEY (jurisdiction, year)
);

-- Delivery events from notify-service; the primary key is the eventId (idempotency).
CREATE TABLE delivery_event (
    id               UUID PRIMARY KEY,
    order_id         UUID NOT NULL REFERENCES removal_order (id),
    type             VARCHAR(20) NOT NULL,
    at               TIMESTAMPTZ NOT NULL,
    channel          VARCHAR(20),
    notification_id  UUID,
    delivery_id      UUID,
    recorded_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX delivery_event_order ON delivery_event (order_id, recorded_at);

-- Annex II / III feedback relayed by notify-service; the primary key is the feedbackId (idempotency).
CREATE TABLE order_feedback (
    id                       UUID PRIMARY KEY,
    order_id                 UUID NOT NULL REFERENCES removal_order (id),
    platform_id              VARCHAR(100) NOT NULL,
    form                     VARCHAR(20) NOT NULL,
    action                   VARCHAR(20),
    action_at                TIMESTAMPTZ,
    reference                VARCHAR(200),
    reason                   VARCHAR(40),
    explanation              TEXT,
    clarification_requested  TEXT,
    received_at              TIMESTAMPTZ,
    recorded_at              TIMESTAMPTZ NOT NULL,
    applied_at               TIMESTAMPTZ,
    outcome                  VARCHAR(500)
);
CREATE INDEX order_feedback_order ON order_feedback (order_id, recorded_at);

-- The append-only, hash-chained audit trail.
CREATE TABLE audit_record (
    sequence       BIGINT PRIMARY KEY,
    recorded_at    TIMESTAMPTZ NOT NULL,
    actor          VARCHAR(300) NOT NULL,
    action         VARCHAR(60) NOT NULL,
    subject_type   VARCHAR(30) NOT NULL,
    subject_id     VARCHAR(100) NOT NULL,
    case_id        UUID,
    details        TEXT NOT NULL,
    previous_hash  VARCHAR(64) NOT NULL,
    hash           VARCHAR(64) NOT NULL
);
CREATE INDEX audit_record_case ON audit_record (case_id, sequence);

CREATE FUNCTION audit_record_refuse_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit_record is append-only: % refused', TG_OP;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_record_append_only
    BEFORE UPDATE OR DELETE ON audit_record
    FOR EACH ROW EXECUTE FUNCTION audit_record_refuse_change();

CREATE TRIGGER audit_record_no_truncate
    BEFORE TRUNCATE ON audit_record
    FOR EACH STATEMENT EXECUTE FUNCTION audit_record_refuse_change();
