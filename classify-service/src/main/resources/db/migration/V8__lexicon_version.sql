-- The version of the designations and indicators the text scan looks for (service.DesignationLexicon): one row whose
-- version changes with every committed change to designated_entity, entity_alias, entity_listing or category_indicator.
-- Each replica keeps the scan's lexicon compiled in memory and reads this one row per scan: a version other than its
-- lexicon's means another transaction (on this replica or another) changed the designations, and it compiles them again.
--
-- The version is raised by the database itself, in the transaction of the change, by a statement-level trigger on each
-- of the four tables, so no write path can forget it: the API's (DesignationService), another replica's, a later
-- migration's or an operator's correction by hand. The trigger runs BEFORE the statement, so a transaction takes the
-- row lock of lexicon_version before the row locks of its first designation change: concurrent designation changes are
-- serialised on this row (they are rare, and made by administrators) and cannot deadlock on each other's rows.
-- The new version is the next value of a sequence, not the old one plus one: sequences are not rolled back, so the
-- version of a change that was rolled back is never given to another change (a lexicon compiled from that version
-- could never pass for the other change's).
CREATE SEQUENCE lexicon_version_seq START 2;

CREATE TABLE lexicon_version (
    singleton BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (singleton),
    version   BIGINT  NOT NULL
);

INSERT INTO lexicon_version (singleton, version) VALUES (TRUE, 1);

CREATE FUNCTION lexicon_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE lexicon_version SET version = nextval('lexicon_version_seq');
    RETURN NULL;
END;
$$;

CREATE TRIGGER designated_entity_lexicon_version BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON designated_entity
    FOR EACH STATEMENT EXECUTE FUNCTION lexicon_version_bump();
CREATE TRIGGER entity_alias_lexicon_version BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON entity_alias
    FOR EACH STATEMENT EXECUTE FUNCTION lexicon_version_bump();
CREATE TRIGGER entity_listing_lexicon_version BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON entity_listing
    FOR EACH STATEMENT EXECUTE FUNCTION lexicon_version_bump();
CREATE TRIGGER category_indicator_lexicon_version BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON category_indicator
    FOR EACH STATEMENT EXECUTE FUNCTION lexicon_version_bump();
