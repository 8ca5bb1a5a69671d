-- Designated-entity lists as structured membership (issue 4, "Text indicators"): one row per entity and list it is on.
--
-- The lists (a closed set, the Java enum DesignationList):
--   UK_PROSCRIBED     Home Office list of proscribed organisations, Terrorism Act 2000, Schedule 2;
--   EU_CFSP_2001_931  the annex of Council Common Position 2001/931/CFSP (frozen by Council Regulation (EC) No 2580/2001);
--   UN_ISIL_AQ        the Security Council ISIL (Da'esh) and Al-Qaida sanctions list (resolutions 1267/1989/2253;
--                     applied in the EU by Council Regulation (EC) No 881/2002);
--   FR_GEL            the French registre national des gels (DG Tresor; Code monetaire et financier, L562-2 et s.).
-- listed_name is the list's own name for the entity where it differs from ours; reference is the instrument and entry
-- as it is cited.
--
-- What is seeded, and why:
-- 1. UK, EU and UN rows for every entity seeded by V2 and V6 (created_by 'system:migration'), derived in SQL from the
--    entity's source text: its segments separated by ';' that begin 'UK:', 'EU:' or 'UN:' (V6), or 'UK Terrorism Act
--    2000, Schedule 2' and 'UN Security Council ISIL' (V2's wording, kept by National Action, The Base and Atomwaffen
--    Division). The reference is the segment without its list prefix, exactly as the source text cites it. listed_name
--    is set only where the source text itself names the entry differently (e.g. EU "Hizballah Military Wing", UN
--    "Al-Qaida in Iraq" for Islamic State); the remarks in other parentheses ("since 2021", "the whole organisation")
--    are not names and stay in the reference only.
-- 2. An FR_GEL row for every entity with a UN_ISIL_AQ or EU_CFSP_2001_931 row: the registre national des gels publishes
--    every asset freeze applicable in France, the UN and EU measures included, so these entities are in it as a matter
--    of fact; the reference says through which measure(s) it applies. None of the seeded EU entries is one of the
--    annex's EU-internal groups (which are not frozen), so every EU row applies in the registre.
-- 3. French names where French usage is established and V2/V6 lacked them (the normaliser folds accents, case and
--    apostrophes, so "Etat islamique", "Daech", "Al-Qaida au Maghreb islamique", "Hezbollah", "Parti des travailleurs
--    du Kurdistan", "Sentier lumineux" and "Front al-Nosra" were already found through V2/V6's aliases, "Daesh" through
--    its English alias).
-- What is NOT seeded, and why:
-- - French national-measure group entries (freezes decided by French ministerial order alone): none. Such orders name
--   mostly individuals, and no group entry could be checked against the published registre from here; an invented or
--   misremembered entry is worse than none, since a court would read it as the list. Admins add them through
--   POST /api/v1/designated-entities/{id}/listings with the order as reference.
-- - The lists' own reference numbers (UN permanent references "QDe.nnn", EU annex item numbers, the dates of UK
--   orders): not verifiable here either; the reference holds the instrument as the source text cites it, and admins
--   complete it through the API.
-- Idempotent: a listing already present (entity, list) or an alias already present (entity, alias, language) is not
-- inserted again, so admins' own changes are kept; entities that admins renamed or removed are simply not matched.

CREATE TABLE entity_listing (
    id               UUID PRIMARY KEY,
    entity_id        UUID NOT NULL REFERENCES designated_entity (id),
    designation_list VARCHAR(30) NOT NULL
        CHECK (designation_list IN ('UK_PROSCRIBED', 'EU_CFSP_2001_931', 'UN_ISIL_AQ', 'FR_GEL')),
    listed_name      VARCHAR(300),
    reference        VARCHAR(500),
    created_at       TIMESTAMPTZ NOT NULL,
    created_by       VARCHAR(300) NOT NULL,
    CONSTRAINT entity_listing_unique UNIQUE (entity_id, designation_list)
);
CREATE INDEX entity_listing_by_list ON entity_listing (designation_list, entity_id);

-- 1. UK, EU and UN rows from the source text of the seeded entities.
CREATE TEMPORARY TABLE seed_listing (entity_id UUID, designation_list VARCHAR(30), reference VARCHAR(500))
    ON COMMIT DROP;

INSERT INTO seed_listing (entity_id, designation_list, reference)
SELECT s.entity_id,
       CASE
           WHEN s.part LIKE 'UK:%' OR s.part LIKE 'UK Terrorism Act 2000, Schedule 2%' THEN 'UK_PROSCRIBED'
           WHEN s.part LIKE 'EU:%' THEN 'EU_CFSP_2001_931'
           WHEN s.part LIKE 'UN:%' OR s.part LIKE 'UN Security Council ISIL%' THEN 'UN_ISIL_AQ'
       END,
       btrim(substr(s.part, 4))
FROM (SELECT e.id AS entity_id, btrim(p.part) AS part
      FROM designated_entity e, regexp_split_to_table(e.source, ';') AS p (part)
      WHERE e.created_by = 'system:migration') s
WHERE s.part LIKE 'UK:%' OR s.part LIKE 'EU:%' OR s.part LIKE 'UN:%'
   OR s.part LIKE 'UK Terrorism Act 2000, Schedule 2%' OR s.part LIKE 'UN Security Council ISIL%';

-- The list's own name, where the source text gives one that differs from the entity's name.
CREATE TEMPORARY TABLE seed_listed_name (entity VARCHAR(200), designation_list VARCHAR(30), listed_name VARCHAR(300))
    ON COMMIT DROP;
INSERT INTO seed_listed_name (entity, designation_list, listed_name) VALUES
 ('Islamic State', 'UN_ISIL_AQ', 'Al-Qaida in Iraq'),
 ('Hamas', 'EU_CFSP_2001_931', 'Hamas, including Hamas-Izz al-Din al-Qassem'),
 ('Hizballah', 'EU_CFSP_2001_931', 'Hizballah Military Wing'),
 ('Palestinian Islamic Jihad', 'UK_PROSCRIBED', 'Palestinian Islamic Jihad - Shaqaqi'),
 ('Shining Path', 'EU_CFSP_2001_931', 'Sendero Luminoso'),
 ('Communist Party of the Philippines', 'EU_CFSP_2001_931', 'Communist Party of the Philippines, including the New People''s Army'),
 ('Euskadi Ta Askatasuna', 'UK_PROSCRIBED', 'Basque Homeland and Liberty'),
 ('Al-Nusrah Front', 'UK_PROSCRIBED', 'Al-Qa''ida'),
 ('Al-Nusrah Front', 'UN_ISIL_AQ', 'Al-Nusrah Front for the People of the Levant'),
 ('Islamic State Khorasan Province', 'UN_ISIL_AQ', 'ISIL-Khorasan'),
 ('Islamic Jihad Union', 'UN_ISIL_AQ', 'Islamic Jihad Group'),
 ('Ansar al-Sharia', 'UK_PROSCRIBED', 'Ansar al-Sharia-Benghazi, Ansar al-Sharia-Derna, Ansar al-Sharia-Tunisia'),
 ('Ansar al-Sharia', 'UN_ISIL_AQ', 'Ansar al-Sharia-Benghazi, Ansar al-Sharia-Derna, Ansar al-Sharia-Tunisia'),
 ('Armed Islamic Group', 'UK_PROSCRIBED', 'Groupe Islamique Armée'),
 ('Terrorgram', 'UK_PROSCRIBED', 'Terrorgram collective');

INSERT INTO entity_listing (id, entity_id, designation_list, listed_name, reference, created_at, created_by)
SELECT gen_random_uuid(), l.entity_id, l.designation_list, n.listed_name, l.reference, now(), 'system:migration'
FROM seed_listing l
JOIN designated_entity e ON e.id = l.entity_id
LEFT JOIN seed_listed_name n ON n.entity = e.name AND n.designation_list = l.designation_list
ON CONFLICT (entity_id, designation_list) DO NOTHING;

-- 2. The registre national des gels holds every UN and EU freeze applicable in France.
INSERT INTO entity_listing (id, entity_id, designation_list, listed_name, reference, created_at, created_by)
SELECT gen_random_uuid(), m.entity_id, 'FR_GEL', NULL,
       'Registre national des gels (DG Trésor): applies in France through '
           || CASE
                  WHEN m.un AND m.eu THEN 'the UN measure (Security Council ISIL (Da''esh) and Al-Qaida sanctions list, '
                      || 'Council Regulation (EC) No 881/2002) and the EU measure (Council Common Position '
                      || '2001/931/CFSP, Council Regulation (EC) No 2580/2001)'
                  WHEN m.un THEN 'the UN measure (Security Council ISIL (Da''esh) and Al-Qaida sanctions list, '
                      || 'Council Regulation (EC) No 881/2002)'
                  ELSE 'the EU measure (Council Common Position 2001/931/CFSP, Council Regulation (EC) No 2580/2001)'
              END,
       now(), 'system:migration'
FROM (SELECT entity_id,
             bool_or(designation_list = 'UN_ISIL_AQ') AS un,
             bool_or(designation_list = 'EU_CFSP_2001_931') AS eu
      FROM entity_listing
      WHERE designation_list IN ('UN_ISIL_AQ', 'EU_CFSP_2001_931')
      GROUP BY entity_id) m
ON CONFLICT (entity_id, designation_list) DO NOTHING;

-- 3. French names in established French usage that V2/V6 did not hold.
INSERT INTO entity_alias (id, entity_id, alias, language, case_sensitive, created_at, created_by)
SELECT gen_random_uuid(), e.id, a.alias, 'fr', FALSE, now(), 'system:migration'
FROM (VALUES
 ('Hamas', 'Brigades Ezzedine al-Qassam'),
 ('Palestinian Islamic Jihad', 'Mouvement du Jihad islamique en Palestine'),
 ('Liberation Tigers of Tamil Eelam', 'Tigres de libération de l''Eelam tamoul'),
 ('Al-Nusrah Front', 'Front al-Nosra pour le peuple du Levant'),
 ('Al-Nusrah Front', 'Jabhat al-Nosra'),
 ('Al-Shabaab', 'Chebab'),
 ('Al-Shabaab', 'Harakat al-Chabab al-Moudjahidin'),
 ('Al-Gama''a al-Islamiyya', 'al-Gamaa al-Islamiya'),
 ('Tehrik-e-Taliban Pakistan', 'Mouvement des talibans du Pakistan'),
 ('Jama''at Nusrat al-Islam wal-Muslimin', 'Jama''at Nosrat al-Islam wal-Mouslimin'),
 ('Eastern Turkistan Islamic Movement', 'Mouvement islamique du Turkestan oriental'),
 ('Eastern Turkistan Islamic Movement', 'Parti islamique du Turkestan'),
 ('Islamic Army of Aden', 'Armée islamique d''Aden-Abyan')
) AS a (entity, alias)
JOIN designated_entity e ON e.name = a.entity
ON CONFLICT (entity_id, alias, language) DO NOTHING;

INSERT INTO audit_entry (id, at, actor, action, subject_type, subject_id, detail)
VALUES (gen_random_uuid(), now(), 'system:migration', 'DESIGNATION_LISTINGS_SEEDED', 'DESIGNATION_LIST', 'V7',
        '{"listings":{' ||
        coalesce((SELECT string_agg('"' || designation_list || '":' || n, ',' ORDER BY designation_list)
                  FROM (SELECT designation_list, count(*) AS n FROM entity_listing GROUP BY designation_list) c), '') ||
        '},"frenchNationalMeasureGroups":0}');
