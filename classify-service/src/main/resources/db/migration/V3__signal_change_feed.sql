-- The change feed every replica reads into its in-memory PDQ index.
-- Every insert or update of a signal takes the next change_seq. A writer first takes the feed's advisory lock in
-- shared mode (until its transaction ends); a reader takes it exclusively for an instant, so that when it reads the
-- sequence's last value no transaction holding a smaller number is still uncommitted: everything up to that value
-- is visible, and nothing is skipped however commits interleave.
CREATE SEQUENCE bank_signal_change_seq;
ALTER TABLE bank_signal ADD COLUMN change_seq BIGINT;
UPDATE bank_signal SET change_seq = nextval('bank_signal_change_seq');
ALTER TABLE bank_signal ALTER COLUMN change_seq SET NOT NULL;
CREATE INDEX bank_signal_change ON bank_signal (change_seq) WHERE signal_type = 'PDQ';

CREATE FUNCTION bank_signal_next_change() RETURNS trigger AS $$
BEGIN
    PERFORM pg_advisory_xact_lock_shared(7231964001);
    NEW.change_seq := nextval('bank_signal_change_seq');
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER bank_signal_change BEFORE INSERT OR UPDATE ON bank_signal
    FOR EACH ROW EXECUTE FUNCTION bank_signal_next_change();
