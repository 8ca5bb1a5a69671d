-- Third-round contract: the classification score is a number in [0,1] with three decimals (was an integer 0-100),
-- and the routing names are FAST_TRACK_REVIEW, NORMAL_REVIEW, LOW_PRIORITY (were URGENT_, PRIORITY_, STANDARD_REVIEW).
ALTER TABLE classification ALTER COLUMN score TYPE NUMERIC(4, 3) USING round(score / 100.0, 3);
ALTER TABLE classification ADD CONSTRAINT classification_score_range CHECK (score >= 0 AND score <= 1);
UPDATE classification SET routing = CASE routing
    WHEN 'URGENT_REVIEW' THEN 'FAST_TRACK_REVIEW'
    WHEN 'PRIORITY_REVIEW' THEN 'NORMAL_REVIEW'
    WHEN 'STANDARD_REVIEW' THEN 'LOW_PRIORITY'
    ELSE routing END;
ALTER TABLE classification ADD CONSTRAINT classification_routing_known
    CHECK (routing IN ('FAST_TRACK_REVIEW', 'NORMAL_REVIEW', 'LOW_PRIORITY'));
-- the verdict is kept as it was answered: its JSON carries the same two fields in their new form
UPDATE classification
SET verdict = jsonb_set(jsonb_set(verdict::jsonb, '{score}', to_jsonb(score)), '{routing}', to_jsonb(routing))::text;
