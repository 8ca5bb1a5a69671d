-- Curation flags (ARCHITECTURE, third round): case-service tells us that a reviewer assessed content as not
-- terrorist although it matched a signal. The flag is kept on the signal for a curator; it disables nothing.
-- Idempotent by flag_id; a curator (admin) clears a flag, which keeps the row with who cleared it, when and why.
CREATE TABLE curation_flag (
    flag_id     UUID PRIMARY KEY,
    signal_id   UUID NOT NULL REFERENCES bank_signal (id),
    bank_name   VARCHAR(64) NOT NULL REFERENCES hash_bank (name),
    case_id     UUID NOT NULL,
    reason      VARCHAR(2000) NOT NULL,
    flagged_at  TIMESTAMPTZ NOT NULL,
    received_at TIMESTAMPTZ NOT NULL,
    received_by VARCHAR(300) NOT NULL,
    cleared_at  TIMESTAMPTZ,
    cleared_by  VARCHAR(300),
    clear_note  VARCHAR(2000),
    version     BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT curation_flag_cleared CHECK ((cleared_at IS NULL) = (cleared_by IS NULL))
);
CREATE INDEX curation_flag_signal ON curation_flag (signal_id, flagged_at);
CREATE INDEX curation_flag_open ON curation_flag (bank_name, signal_id) WHERE cleared_at IS NULL;
