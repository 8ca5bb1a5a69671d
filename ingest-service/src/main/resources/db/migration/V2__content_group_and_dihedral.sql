-- Referrals of the same content form one group: a referral whose canonical URL or SHA-256 matches an earlier
-- referral's joins that referral's group, whose key is the content key of its first referral (sha256:<hex> when
-- it had bytes, else url:<canonical URL>). case-service finds the one case of the content by this key.
ALTER TABLE referral ADD COLUMN group_content_key TEXT;
UPDATE referral SET group_content_key = CASE WHEN sha256 IS NOT NULL THEN 'sha256:' || sha256
                                             ELSE 'url:' || canonical_url END;
ALTER TABLE referral ALTER COLUMN group_content_key SET NOT NULL;
CREATE INDEX referral_group ON referral (group_content_key, submitted_at, id);

-- The PDQ of an image's eight dihedral variants (rotations and mirrors), as classify-service's hashing named
-- them, original first: a JSON array of {"transform": "...", "pdq": "64 hex"}. Null until hashed with them.
ALTER TABLE evidence ADD COLUMN pdq_variants TEXT;
