-- Seed of the designation list: organisations on public proscription and sanctions lists, with the
-- names they are known by in English, French and Arabic; and category indicator phrases per
-- Art. 2(7) category in English and French. Admins extend both through the API.

INSERT INTO designated_entity (id, name, tier, source, created_at, created_by) VALUES
 ('6b1f0c2e-0001-4000-8000-000000000001', 'Islamic State', 'DESIGNATED_GROUP',
  'UK Terrorism Act 2000, Schedule 2 (proscribed organisations); UN Security Council ISIL (Da''esh) and Al-Qaida sanctions list', now(), 'system:migration'),
 ('6b1f0c2e-0001-4000-8000-000000000002', 'al-Qaeda', 'DESIGNATED_GROUP',
  'UK Terrorism Act 2000, Schedule 2 (proscribed organisations); UN Security Council ISIL (Da''esh) and Al-Qaida sanctions list', now(), 'system:migration'),
 ('6b1f0c2e-0001-4000-8000-000000000003', 'National Action', 'DESIGNATED_GROUP',
  'UK Terrorism Act 2000, Schedule 2 (proscribed organisations)', now(), 'system:migration'),
 ('6b1f0c2e-0001-4000-8000-000000000004', 'The Base', 'DESIGNATED_GROUP',
  'UK Terrorism Act 2000, Schedule 2 (proscribed organisations)', now(), 'system:migration'),
 ('6b1f0c2e-0001-4000-8000-000000000005', 'Atomwaffen Division', 'DESIGNATED_GROUP',
  'UK Terrorism Act 2000, Schedule 2 (proscribed organisations)', now(), 'system:migration');

INSERT INTO entity_alias (id, entity_id, alias, language, case_sensitive, created_at, created_by)
SELECT gen_random_uuid(), e.id, a.alias, a.language, a.case_sensitive, now(), 'system:migration'
FROM (VALUES
 ('Islamic State', 'Islamic State', 'en', FALSE),
 ('Islamic State', 'Islamic State of Iraq and the Levant', 'en', FALSE),
 ('Islamic State', 'Islamic State of Iraq and Syria', 'en', FALSE),
 ('Islamic State', 'ISIS', 'en', FALSE),
 ('Islamic State', 'ISIL', 'en', FALSE),
 ('Islamic State', 'Daesh', 'en', FALSE),
 ('Islamic State', 'Da''esh', 'en', FALSE),
 ('Islamic State', 'État islamique', 'fr', FALSE),
 ('Islamic State', 'État islamique en Irak et au Levant', 'fr', FALSE),
 ('Islamic State', 'EIIL', 'fr', FALSE),
 ('Islamic State', 'Daech', 'fr', FALSE),
 ('Islamic State', 'الدولة الإسلامية', 'ar', FALSE),
 ('Islamic State', 'الدولة الإسلامية في العراق والشام', 'ar', FALSE),
 ('Islamic State', 'داعش', 'ar', FALSE),
 ('al-Qaeda', 'al-Qaeda', 'en', FALSE),
 ('al-Qaeda', 'al-Qaida', 'en', FALSE),
 ('al-Qaeda', 'al-Qa''ida', 'en', FALSE),
 ('al-Qaeda', 'Al-Qaïda', 'fr', FALSE),
 ('al-Qaeda', 'القاعدة', 'ar', FALSE),
 ('National Action', 'National Action', 'en', FALSE),
 ('National Action', 'Scottish Dawn', 'en', FALSE),
 ('National Action', 'NS131', 'en', FALSE),
 ('National Action', 'System Resistance Network', 'en', FALSE),
 -- "the base" is an everyday English phrase: only the capitalised name counts.
 ('The Base', 'The Base', 'en', TRUE),
 ('Atomwaffen Division', 'Atomwaffen Division', 'en', FALSE),
 ('Atomwaffen Division', 'Atomwaffen', 'en', FALSE),
 ('Atomwaffen Division', 'National Socialist Order', 'en', FALSE)
) AS a (entity, alias, language, case_sensitive)
JOIN designated_entity e ON e.name = a.entity;

INSERT INTO category_indicator (id, category, phrase, language, created_at, created_by)
SELECT gen_random_uuid(), c.category, c.phrase, c.language, now(), 'system:migration'
FROM (VALUES
 ('INCITEMENT', 'glory to the martyrs', 'en'),
 ('INCITEMENT', 'join the jihad', 'en'),
 ('INCITEMENT', 'kill the infidels', 'en'),
 ('INCITEMENT', 'take up arms', 'en'),
 ('INCITEMENT', 'gloire aux martyrs', 'fr'),
 ('INCITEMENT', 'rejoignez le jihad', 'fr'),
 ('INCITEMENT', 'tuez les mécréants', 'fr'),
 ('INCITEMENT', 'prenez les armes', 'fr'),
 ('SOLICITATION', 'carry out an attack', 'en'),
 ('SOLICITATION', 'strike them wherever you find them', 'en'),
 ('SOLICITATION', 'fund the mujahideen', 'en'),
 ('SOLICITATION', 'commettez un attentat', 'fr'),
 ('SOLICITATION', 'frappez-les où que vous les trouviez', 'fr'),
 ('SOLICITATION', 'financez les moudjahidines', 'fr'),
 ('GROUP_PARTICIPATION', 'pledge allegiance to the caliph', 'en'),
 ('GROUP_PARTICIPATION', 'join the caliphate', 'en'),
 ('GROUP_PARTICIPATION', 'join our ranks', 'en'),
 ('GROUP_PARTICIPATION', 'prêtez allégeance au calife', 'fr'),
 ('GROUP_PARTICIPATION', 'rejoignez le califat', 'fr'),
 ('GROUP_PARTICIPATION', 'rejoignez nos rangs', 'fr'),
 ('INSTRUCTION', 'how to make a bomb', 'en'),
 ('INSTRUCTION', 'make a pipe bomb', 'en'),
 ('INSTRUCTION', 'build an explosive device', 'en'),
 ('INSTRUCTION', 'fabriquer une bombe', 'fr'),
 ('INSTRUCTION', 'fabriquer un engin explosif', 'fr'),
 ('INSTRUCTION', 'comment fabriquer un explosif', 'fr'),
 ('THREAT', 'we will attack', 'en'),
 ('THREAT', 'we will strike', 'en'),
 ('THREAT', 'you will not be safe', 'en'),
 ('THREAT', 'nous allons frapper', 'fr'),
 ('THREAT', 'nous allons attaquer', 'fr'),
 ('THREAT', 'vous ne serez pas en sécurité', 'fr')
) AS c (category, phrase, language);
