-- Third-round classification contract: the score is a number in [0,1] with at most three decimals
-- (the retired 0-100 integer maps to score / 100), and the routing suggestion is kept beside it.
ALTER TABLE vigie_case ALTER COLUMN score TYPE NUMERIC(4,3) USING (score / 100.0)::NUMERIC(4,3);
ALTER TABLE vigie_case ADD CONSTRAINT vigie_case_score_range CHECK (score >= 0 AND score <= 1);
ALTER TABLE vigie_case ADD COLUMN routing VARCHAR(30);

-- Orders currently overdue, per issuing jurisdiction (the vigie.orders.overdue gauge).
CREATE INDEX removal_order_overdue ON removal_order (issuing_jurisdiction) WHERE status = 'OVERDUE';
