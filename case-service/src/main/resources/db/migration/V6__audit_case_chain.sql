-- The per-case chain beside the global one: each record about a case also carries the hash of the
-- previous record of the same case (64 zeros for a case's first record). Records without a case
-- carry none. The record's own hash covers both links.
ALTER TABLE audit_record ADD COLUMN case_previous_hash VARCHAR(64);
ALTER TABLE audit_record ADD CONSTRAINT audit_record_case_link CHECK ((case_id IS NULL) = (case_previous_hash IS NULL));
