-- Enforcement proceedings a regulator opens against a platform from its breach record (issue 5,
-- "Enforcement"): the evidence pack is assembled by case-service, frozen at opening and hashed.
CREATE TABLE enforcement_proceeding (
    id                    UUID PRIMARY KEY,
    jurisdiction          VARCHAR(8) NOT NULL,
    platform_id           VARCHAR(100) NOT NULL,
    grounds               TEXT NOT NULL,
    status                VARCHAR(30) NOT NULL,
    opened_by             VARCHAR(300) NOT NULL,
    opened_at             TIMESTAMPTZ NOT NULL,
    evidence_pack         TEXT NOT NULL,
    evidence_hash         VARCHAR(64) NOT NULL,
    orders_in_pack        INT NOT NULL,
    breaches_12_months    BIGINT NOT NULL,
    decision_outcome      VARCHAR(20),
    decision_amount       NUMERIC(19,2),
    decision_currency     VARCHAR(3),
    decision_legal_basis  VARCHAR(40),
    decision_reasons      TEXT,
    decided_by            VARCHAR(300),
    decided_at            TIMESTAMPTZ,
    updated_at            TIMESTAMPTZ NOT NULL,
    version               BIGINT NOT NULL
);
CREATE INDEX enforcement_proceeding_jurisdiction ON enforcement_proceeding (jurisdiction, opened_at DESC, id DESC);
CREATE INDEX enforcement_proceeding_decided ON enforcement_proceeding (jurisdiction, decided_at) WHERE decision_outcome = 'PENALTY';

-- The platform's representations, as the regulator recorded them.
CREATE TABLE enforcement_representation (
    id                  UUID PRIMARY KEY,
    proceeding_id       UUID NOT NULL REFERENCES enforcement_proceeding (id),
    received_at         TIMESTAMPTZ NOT NULL,
    summary             TEXT NOT NULL,
    document_reference  VARCHAR(500) NOT NULL,
    recorded_by         VARCHAR(300) NOT NULL,
    recorded_at         TIMESTAMPTZ NOT NULL
);
CREATE INDEX enforcement_representation_proceeding ON enforcement_representation (proceeding_id, recorded_at);
