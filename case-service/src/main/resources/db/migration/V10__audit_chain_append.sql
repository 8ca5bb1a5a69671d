-- Chains a transaction's audit records in one call, so that the chain's lock (held from here to the
-- end of the transaction) is held for one round trip and the commit instead of one round trip per
-- statement: under load every case-service decision queued behind that lock for the holder's
-- look-ups and inserts.
--
-- For each record, in the order given: the next sequence number, the global chain's previous hash,
-- the case chain's previous hash (64 zeros for a case's first record, none without a case) and the
-- record's hash, SHA-256 over the previous hash followed by the record's canonical form. The
-- canonical form is written by case-service (eu.vigie.cases.service.AuditTrail, which also verifies
-- the trail) except for the two values decided here: it is passed as the text before the case link
-- (p_head), between the case link and the sequence number (p_middle) and after it (p_tail).
CREATE FUNCTION audit_chain_append(p_lock BIGINT, p_recorded_at TEXT[], p_actor TEXT[], p_action TEXT[],
        p_subject_type TEXT[], p_subject_id TEXT[], p_case_id TEXT[], p_details TEXT[],
        p_head TEXT[], p_middle TEXT[], p_tail TEXT[]) RETURNS BIGINT AS $$
DECLARE
    genesis CONSTANT TEXT := repeat('0', 64);
    last_sequence BIGINT;
    previous TEXT;
    case_previous TEXT;
    record_case UUID;
    record_hash TEXT;
BEGIN
    PERFORM pg_advisory_xact_lock(p_lock);
    SELECT a.sequence, a.hash INTO last_sequence, previous FROM audit_record a ORDER BY a.sequence DESC LIMIT 1;
    IF NOT FOUND THEN
        last_sequence := 0;
        previous := genesis;
    END IF;
    FOR i IN 1 .. coalesce(array_length(p_action, 1), 0) LOOP
        last_sequence := last_sequence + 1;
        record_case := p_case_id[i]::UUID;
        case_previous := NULL;
        IF record_case IS NOT NULL THEN
            SELECT a.hash INTO case_previous FROM audit_record a WHERE a.case_id = record_case
                ORDER BY a.sequence DESC LIMIT 1;
            case_previous := coalesce(case_previous, genesis);
        END IF;
        record_hash := encode(sha256(convert_to(previous || p_head[i]
                || CASE WHEN case_previous IS NULL THEN 'null' ELSE '"' || case_previous || '"' END
                || p_middle[i] || last_sequence::TEXT || p_tail[i], 'UTF8')), 'hex');
        INSERT INTO audit_record (sequence, recorded_at, actor, action, subject_type, subject_id, case_id, details,
                previous_hash, case_previous_hash, hash)
            VALUES (last_sequence, p_recorded_at[i]::TIMESTAMPTZ, p_actor[i], p_action[i], p_subject_type[i],
                p_subject_id[i], record_case, p_details[i], previous, case_previous, record_hash);
        previous := record_hash;
    END LOOP;
    RETURN last_sequence;
END;
$$ LANGUAGE plpgsql;
