-- Closing a case (POST /api/v1/cases/{id}/closure): who closed it, when and why. A closed case takes no
-- further referral: the same content referred again opens a new case, so only open cases are unique
-- per content key.
ALTER TABLE vigie_case ADD COLUMN closed_at TIMESTAMPTZ;
ALTER TABLE vigie_case ADD COLUMN closed_by VARCHAR(300);
ALTER TABLE vigie_case ADD COLUMN closure_reasons TEXT;
ALTER TABLE vigie_case DROP CONSTRAINT vigie_case_content_key_key;
CREATE UNIQUE INDEX vigie_case_open_content ON vigie_case (content_key) WHERE closed_at IS NULL;
CREATE INDEX vigie_case_content ON vigie_case (content_key);

-- Sharing a case with another jurisdiction: explicit, with reasons, revocable; at most one active share
-- per case and jurisdiction.
CREATE TABLE case_share (
    id                  UUID PRIMARY KEY,
    case_id             UUID NOT NULL REFERENCES vigie_case (id),
    jurisdiction        VARCHAR(8) NOT NULL,
    reasons             TEXT NOT NULL,
    shared_by           VARCHAR(300) NOT NULL,
    shared_at           TIMESTAMPTZ NOT NULL,
    revoked_at          TIMESTAMPTZ,
    revoked_by          VARCHAR(300),
    version             BIGINT NOT NULL
);
CREATE UNIQUE INDEX case_share_active ON case_share (case_id, jurisdiction) WHERE revoked_at IS NULL;
CREATE INDEX case_share_case ON case_share (case_id, shared_at);
