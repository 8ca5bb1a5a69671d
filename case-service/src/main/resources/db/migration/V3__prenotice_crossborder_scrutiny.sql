-- The 12-hour pre-notice before a provider's first order (Art. 3(2)): the order waits until this time.
ALTER TABLE removal_order ADD COLUMN pre_notice_until TIMESTAMPTZ;
ALTER TABLE removal_order ADD COLUMN released_at TIMESTAMPTZ;
CREATE INDEX removal_order_pre_notice ON removal_order (pre_notice_until) WHERE status = 'PENDING_PRE_NOTICE';

-- Scrutiny of a cross-border order by the home authority (Art. 4(4)), within 72 hours of issue.
ALTER TABLE removal_order ADD COLUMN scrutiny_decision VARCHAR(20);
ALTER TABLE removal_order ADD COLUMN scrutiny_reasons TEXT;
ALTER TABLE removal_order ADD COLUMN scrutinised_at TIMESTAMPTZ;
ALTER TABLE removal_order ADD COLUMN scrutinised_by VARCHAR(300);
ALTER TABLE removal_order ADD COLUMN revoked_at TIMESTAMPTZ;

-- Breaches per platform (compliance report, twelve months).
CREATE INDEX removal_order_breach ON removal_order (platform_id, overdue_at) WHERE overdue_at IS NOT NULL;
CREATE INDEX removal_order_received ON removal_order (issuing_jurisdiction, received_at);

-- A provider's request for scrutiny (Art. 4(3)), relayed by notify-service; the primary key is the requestId.
CREATE TABLE scrutiny_request (
    id            UUID PRIMARY KEY,
    order_id      UUID NOT NULL REFERENCES removal_order (id),
    platform_id   VARCHAR(100) NOT NULL,
    reasons       TEXT NOT NULL,
    requested_at  TIMESTAMPTZ NOT NULL,
    recorded_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX scrutiny_request_order ON scrutiny_request (order_id, recorded_at);

-- Voluntary referrals: a request to a platform to check content against its own terms; no legal clock.
CREATE TABLE voluntary_referral (
    id                    UUID PRIMARY KEY,
    case_id               UUID NOT NULL REFERENCES vigie_case (id),
    issuing_jurisdiction  VARCHAR(8) NOT NULL,
    platform_id           VARCHAR(100) NOT NULL,
    urls                  TEXT NOT NULL,
    categories            VARCHAR(200) NOT NULL,
    reasons               TEXT NOT NULL,
    issued_by             VARCHAR(300) NOT NULL,
    issued_at             TIMESTAMPTZ NOT NULL
);
CREATE INDEX voluntary_referral_case ON voluntary_referral (case_id, issued_at);
