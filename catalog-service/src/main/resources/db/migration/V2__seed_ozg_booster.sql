-- Seed catalogue from the minutes of the City of Hagen's commission for organisation and
-- digitalisation of 30.08.2022 (slides of 28.09.2022) on the OZG booster services. Names as the
-- document states them; OZG-IDs and LeiKa IDs only where it gives them (never invented).

-- The 22 booster services "derzeit noch nicht EfA-fähig verfügbar und bis Mitte 2022 bereitzustellen".
INSERT INTO service (key, name, booster, booster_list, booster_position, handling, handling_url, handling_note, ozg_id, minimum_trust_level, registry_checks, synonyms) VALUES
('ummeldung', 'Ummeldung', true, 'NOT_YET_EFA_READY', 1, 'online', NULL, NULL, NULL, 'high', '{RESIDENT_REGISTER}', '{Wohnsitz ummelden,Umzug,Wohnungsgeberbestätigung,Meldewesen}'),
('einbuergerung', 'Einbürgerung', true, 'NOT_YET_EFA_READY', 2, 'online', NULL, NULL, NULL, 'substantial', '{}', '{Staatsangehörigkeit}'),
('eheschliessung', 'Eheschließung', true, 'NOT_YET_EFA_READY', 3, 'online', NULL, NULL, NULL, 'substantial', '{}', '{Heirat,Standesamt}'),
('waffenerlaubnisse', 'Waffenerlaubnisse', true, 'NOT_YET_EFA_READY', 4, 'online', NULL, NULL, NULL, 'substantial', '{}', '{Waffenbesitzkarte,Waffenschein}'),
('personalausweis', 'Personalausweis', true, 'NOT_YET_EFA_READY', 5, 'in-person', 'https://www.personalausweisportal.de',
    'Gemäß BMI als Hochsicherheitsdokument klassifiziert. Die persönliche Antragsstellung ist zwingend erforderlich; die Kommune verweist auf das Personalausweisportal.',
    '10119', 'high', '{}', '{Ausweis,Online-Ausweis,eID}'),
('online-anzeige', 'Online-Anzeige', true, 'NOT_YET_EFA_READY', 6, 'online', NULL, NULL, NULL, 'low', '{}', '{Strafanzeige,Polizei}'),
('zulassung-von-wahlvorschlaegen', 'Zulassung von Wahlvorschlägen', true, 'NOT_YET_EFA_READY', 7, 'online', NULL, NULL, NULL, 'substantial', '{}', '{Wahlvorschlag,Änderung von Wahlvorschlägen,Zurücknahme von Wahlvorschlägen}'),
('wahlhelferanmeldung', 'Wahlhelferanmeldung', true, 'NOT_YET_EFA_READY', 8, 'online', NULL, NULL, NULL, 'low', '{}', '{Wahlhelfer,Wahlhelferverpflichtung}'),
('versammlungsanzeige', 'Versammlungsanzeige', true, 'NOT_YET_EFA_READY', 9, 'online', NULL, NULL, NULL, 'substantial', '{}', '{Demonstration,Versammlung}'),
('kfz-an-und-ummeldung', 'Kfz-An- und Ummeldung', true, 'NOT_YET_EFA_READY', 10, 'online', NULL, NULL, NULL, 'substantial', '{}', '{Kraftfahrzeugzulassung,Wiederzulassung,Außerbetriebsetzung,Autozulassung,i-Kfz}'),
('anerkennung-auslaendischer-berufsqualifikationen', 'Anerkennung ausländischer Berufsqualifikationen', true, 'NOT_YET_EFA_READY', 11, 'online', NULL, NULL, NULL, 'substantial', '{}', '{Berufsanerkennung}'),
('anlagengenehmigung-und-zulassung', 'Anlagengenehmigung und -zulassung', true, 'NOT_YET_EFA_READY', 12, 'online', NULL, NULL, NULL, 'substantial', '{}', '{Anlagentenehmigung,Anlagenzulassung}'),
('hochschulzulassung', 'Hochschulzulassung', true, 'NOT_YET_EFA_READY', 13, 'online', NULL, NULL, NULL, 'substantial', '{}', '{Studienplatz,Studium}'),
('schwerbehindertenausweis', 'Schwerbehindertenausweis', true, 'NOT_YET_EFA_READY', 14, 'external', 'http://www.elsa.nrw.de',
    'In NRW besteht mit ELSA NRW bereits eine Lösung zum Elektronischen Schwerbehinderten-Antrag; die Leistung ist im OZG-Kontext depriorisiert.',
    '10214', 'substantial', '{}', '{ELSA NRW,Behinderung,Grad der Behinderung,Wertmarke}'),
('hilfe-zur-pflege', 'Hilfe zur Pflege', true, 'NOT_YET_EFA_READY', 15, 'online', NULL, NULL, NULL, 'substantial', '{}', '{Pflege,Sozialhilfe}'),
('mutterschutzmeldung', 'Mutterschutzmeldung', true, 'NOT_YET_EFA_READY', 16, 'online', NULL, NULL, NULL, 'substantial', '{}', '{Mutterschutz,Schwangerschaft}'),
('meldebescheinigung', 'Meldebescheinigung und -registerauskunft', true, 'NOT_YET_EFA_READY', 17, 'online', NULL, NULL, NULL, 'substantial', '{RESIDENT_REGISTER}', '{Meldebescheinigung,Melderegisterauskunft,Registerauskunft,Wohnsitzbescheinigung}'),
('leistungen-zum-infektionsschutz', 'Leistungen zum Infektionsschutz', true, 'NOT_YET_EFA_READY', 18, 'online', NULL, NULL, NULL, 'substantial', '{}', '{Infektionsschutz,Gesundheitsamt}'),
('vergabe', 'Vergabe', true, 'NOT_YET_EFA_READY', 19, 'online', NULL, NULL, NULL, 'substantial', '{}', '{Öffentliche Vergabe,Ausschreibung}'),
('breitbandausbau', 'Breitbandausbau', true, 'NOT_YET_EFA_READY', 20, 'online', NULL, NULL, NULL, 'substantial', '{}', '{Genehmigung zur Leitungsverlegung,Leitungsverlegung,TKG}'),
('eingliederungshilfe', 'Eingliederungshilfe', true, 'NOT_YET_EFA_READY', 21, 'online', NULL, NULL, NULL, 'substantial', '{}', '{Teilhabe}'),
('aufenthaltskarten', 'Aufenthaltskarten und aufenthaltsrelevante Bescheinigungen', true, 'NOT_YET_EFA_READY', 22, 'online', NULL, NULL, NULL, 'substantial', '{}', '{Aufenthaltskarte,Aufenthaltsbescheinigung}');

-- The 13 booster services "bereits EfA-fähig verfügbar und bereitgestellt".
INSERT INTO service (key, name, booster, booster_list, booster_position, efa, handling, ozg_id, minimum_trust_level, registry_checks, synonyms) VALUES
('fuehrerschein', 'Führerschein digital', true, 'EFA_READY', 1, true, 'online', NULL, 'substantial', '{}', '{Führerschein,Fahrerlaubnis}'),
('elterngeld', 'Elterngeld digital', true, 'EFA_READY', 2, true, 'online', NULL, 'substantial', '{}', '{Elterngeld}'),
('unterhaltsvorschuss', 'Unterhaltsvorschuss', true, 'EFA_READY', 3, true, 'online', NULL, 'substantial', '{}', '{Unterhalt}'),
('alg-ii', 'ALG II digital', true, 'EFA_READY', 4, true, 'online', NULL, 'substantial', '{}', '{Arbeitslosengeld II,Bürgergeld,Grundsicherung}'),
('wohngeld', 'Wohngeld digital', true, 'EFA_READY', 5, true, 'online', '10092', 'substantial', '{RESIDENT_REGISTER}', '{Wohngeld,Mietzuschuss,Lastenzuschuss}'),
('baugenehmigung', 'Digitale Baugenehmigung', true, 'EFA_READY', 6, true, 'online', NULL, 'substantial', '{}', '{Baugenehmigung,Bauvorbescheid,Bauantrag}'),
('aufenthaltstitel', 'Aufenthaltstitel', true, 'EFA_READY', 7, true, 'online', NULL, 'substantial', '{}', '{Aufenthaltserlaubnis,Visum}'),
('verpflichtungserklaerung', 'Verpflichtungserklärung', true, 'EFA_READY', 8, true, 'online', NULL, 'substantial', '{}', '{Einladung,Besuchsvisum}'),
('gewerbesteuer', 'Gewerbesteuer digital', true, 'EFA_READY', 9, true, 'online', NULL, 'substantial', '{}', '{Gewerbesteuer}'),
('beschwerde-sozialversicherung', 'Beschwerde über Sozialversicherungsträger und private Krankenversicherungen', true, 'EFA_READY', 10, true, 'online', NULL, 'substantial', '{}', '{Krankenversicherung,Beschwerde}'),
('ausfuhr-kulturgueter', 'Ausfuhrgenehmigungspflichtige Kulturgüter', true, 'EFA_READY', 11, true, 'online', NULL, 'substantial', '{}', '{Kulturgut,Ausfuhrgenehmigung}'),
('corona-ueberbrueckungshilfen', 'Corona-Überbrückungshilfen', true, 'EFA_READY', 12, true, 'online', NULL, 'substantial', '{}', '{Überbrückungshilfe,Corona-Hilfen}'),
('bafoeg', 'BAföG digital', true, 'EFA_READY', 13, true, 'online', NULL, 'substantial', '{}', '{BAföG,Ausbildungsförderung}');

-- Themenfeld as the table "Umgesetzte Leistungen im kommunalen Vollzug" states it.
UPDATE service SET topic = t.topic FROM (VALUES
    ('ummeldung', 'Bauen & Wohnen'),
    ('kfz-an-und-ummeldung', 'Bauen & Wohnen'),
    ('breitbandausbau', 'Bildung'),
    ('einbuergerung', 'Ein- & Auswanderung'),
    ('aufenthaltskarten', 'Ein- & Auswanderung'),
    ('wahlhelferanmeldung', 'Engagement & Hobby'),
    ('zulassung-von-wahlvorschlaegen', 'Engagement & Hobby'),
    ('eheschliessung', 'Familie & Kind'),
    ('eingliederungshilfe', 'Gesundheit'),
    ('schwerbehindertenausweis', 'Gesundheit'),
    ('hilfe-zur-pflege', 'Gesundheit'),
    ('personalausweis', 'Querschnittsleistungen'),
    ('meldebescheinigung', 'Querschnittsleistungen'),
    ('online-anzeige', 'Recht & Ordnung'),
    ('anlagengenehmigung-und-zulassung', 'Umwelt'),
    ('vergabe', 'Unternehmensführung & -entwicklung'),
    ('wohngeld', 'Arbeit & Ruhestand'),
    ('baugenehmigung', 'Bauen & Wohnen'),
    ('aufenthaltstitel', 'Ein- & Auswanderung'),
    ('verpflichtungserklaerung', 'Ein- & Auswanderung'),
    ('unterhaltsvorschuss', 'Familie & Kind'),
    ('fuehrerschein', 'Mobilität & Reisen'),
    ('gewerbesteuer', 'Steuern & Zoll')
) AS t (key, topic) WHERE service.key = t.key;

-- Schwerbehindertenausweis (OZG-ID 10214) as the document details it.
UPDATE service SET situation = 'Behinderung', responsibility_levels = '{Land,Sozialamt,Kommunal}', priority = 4,
    priority_note = 'kein (weiterer) Digitalisierungs-Bedarf aus Sicht der Kommunen in NRW'
WHERE key = 'schwerbehindertenausweis';

INSERT INTO leika_entry (leika_id, service_key, name, last_change, leika_type, legal_basis, sdg1, sdg2, status) VALUES
('99015004000000', 'schwerbehindertenausweis', 'Behinderung', '22.04.2021 QL', '2/3', 'SGB IX', 'offline', '(noch nicht in Betrieb)', NULL),
('99015004037000', 'schwerbehindertenausweis', 'Behinderung:Neufeststellung', '06.07.2021 QL', '2/3', 'SGB IX', 'offline', '(noch nicht in Betrieb)', NULL),
('99015004157000', 'schwerbehindertenausweis', 'Behinderung:Neufeststellung', '06.07.2021 QL', '2/3', 'SGB IX', 'offline', '(noch nicht in Betrieb)', NULL),
('99015007000000', 'schwerbehindertenausweis', 'Schwerbehindertenausweis', '22.04.2021 QL', '2/3', 'SGB IX, SchwBauV', 'offline', '(noch nicht in Betrieb)', NULL),
('99015007011000', 'schwerbehindertenausweis', 'Schwerbehindertenausweis Änderung', '06.07.2021 QL', '2/3', 'SchBauV, SGB IX', 'offline', '(noch nicht in Betrieb)', NULL),
('99015007012000', 'schwerbehindertenausweis', 'Schwerbehindertenausweis Ausstellung', '02.03.2022 QL', '2/3', 'SGB IX, SchwBauV', 'offline', '(noch nicht in Betrieb)', NULL),
('99015007012001', 'schwerbehindertenausweis', 'Schwerbehindertenausweis Ausstellung erstmalig', '06.07.2021 QL', '2/3', 'SGB IX, SchwBauV', 'offline', '(noch nicht in Betrieb)', NULL),
('99015007012002', 'schwerbehindertenausweis', 'Schwerbehindertenausweis Ausstellung neu', '06.07.2021 QL', '2/3', 'SchBauV, SGB IX', 'offline', '(noch nicht in Betrieb)', NULL),
('99015013000000', 'schwerbehindertenausweis', 'Wertmarke auf Beiblatt zum Schwerbehindertenausweis', '27.09.2021 QL', '2/3', 'SchBauV', 'offline', '(noch nicht in Betrieb)', NULL),
('99015013012000', 'schwerbehindertenausweis', 'Wertmarke auf Beiblatt zum Schwerbehindertenausweis Ausstellung', '20.06.2022 QL', '2/3', 'SchBauV', 'offline', '(noch nicht in Betrieb)', NULL);

-- Wohngeld digital (OZG-ID 10092): an EfA service operated centrally in Schleswig-Holstein.
UPDATE service SET efa_operator = 'Dataport (Schleswig-Holstein)', efa_kickoff = DATE '2020-04-20',
    efa_productive_since = '2022-06', short_description = 'Zuschuss zur Miete (Mietzuschuss) oder zu den Kosten selbst genutzten Wohneigentums (Lastenzuschuss).'
WHERE key = 'wohngeld';

UPDATE service SET short_description = 'Anmeldung einer neuen Wohnung nach einem Umzug innerhalb Deutschlands.' WHERE key = 'ummeldung';
UPDATE service SET short_description = 'Bescheinigung über die eigene Meldeadresse oder Auskunft aus dem Melderegister.' WHERE key = 'meldebescheinigung';
UPDATE service SET short_description = 'Der Personalausweis muss persönlich beantragt werden; online nutzen Sie die eID-Funktion.' WHERE key = 'personalausweis';
UPDATE service SET short_description = 'Antrag auf Feststellung einer Behinderung und Ausstellung des Schwerbehindertenausweises (in NRW über ELSA NRW).' WHERE key = 'schwerbehindertenausweis';

UPDATE service SET legal_basis = 'Wohngeldgesetz (WoGG)' WHERE key = 'wohngeld';
UPDATE service SET legal_basis = 'Bundesmeldegesetz (BMG), § 17' WHERE key = 'ummeldung';
UPDATE service SET legal_basis = 'Bundesmeldegesetz (BMG), § 18' WHERE key = 'meldebescheinigung';
