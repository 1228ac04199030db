-- Demo authorities: Stadt Hagen (the seed document's city) and Stadt Dortmund, to prove that tenants
-- stay apart. Branding is demo branding (simple marks, not the cities' coats of arms).
INSERT INTO authority (id, name, kind, ags_codes, reference_prefix, street_address, postal_code, locality, email, phone, website,
                       logo_svg, primary_color, secondary_color, name_line, imprint_url, privacy_url) VALUES
('stadt-hagen', 'Stadt Hagen', 'Kreisfreie Stadt', '{05914000}', 'HA', 'Rathausstraße 11', '58095', 'Hagen',
 'buergeramt@stadt-hagen.example', '+49 2331 207-0', 'https://www.hagen.de',
 '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" role="img" aria-label="Stadt Hagen"><path d="M8 6h48v26c0 14-11 22-24 26C19 54 8 46 8 32z" fill="#00599c"/><text x="32" y="38" font-family="sans-serif" font-size="18" font-weight="bold" fill="#ffffff" text-anchor="middle">HA</text></svg>',
 '#00599c', '#e8f1f8', 'Stadt Hagen – Der Oberbürgermeister', 'https://www.hagen.de/impressum', 'https://www.hagen.de/datenschutz'),
('stadt-dortmund', 'Stadt Dortmund', 'Kreisfreie Stadt', '{05913000}', 'DO', 'Friedensplatz 1', '44135', 'Dortmund',
 'buergerdienste@stadt-dortmund.example', '+49 231 50-0', 'https://www.dortmund.de',
 '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" role="img" aria-label="Stadt Dortmund"><path d="M8 6h48v26c0 14-11 22-24 26C19 54 8 46 8 32z" fill="#c8102e"/><text x="32" y="38" font-family="sans-serif" font-size="18" font-weight="bold" fill="#ffffff" text-anchor="middle">DO</text></svg>',
 '#c8102e', '#fbe9ec', 'Stadt Dortmund – Bürgerdienste', 'https://www.dortmund.de/impressum', 'https://www.dortmund.de/datenschutz');

-- Hagen implements these 23 services locally ("Umgesetzte Leistungen im kommunalen Vollzug"), with
-- the titles its table uses; the remaining booster services are planned there.
INSERT INTO availability (authority_id, service_key, state, local_title) VALUES
('stadt-hagen', 'ummeldung', 'online', 'Ummeldung'),
('stadt-hagen', 'kfz-an-und-ummeldung', 'online', 'Kfz-An- und Ummeldung (Kraftfahrzeugzulassung, Ummeldung, Wiederzulassung und Außerbetriebsetzung für juristische Personen)'),
('stadt-hagen', 'breitbandausbau', 'online', 'Breitbandausbau (Genehmigung zur Leitungsverlegung nach § 68 Abs. 3 TKG)'),
('stadt-hagen', 'einbuergerung', 'online', 'Einbürgerung'),
('stadt-hagen', 'aufenthaltskarten', 'online', 'Aufenthaltskarten & aufenthaltsrelevante Bescheinigung'),
('stadt-hagen', 'wahlhelferanmeldung', 'online', 'Wahlhelferanmeldung (Wahlhelferanmeldung und -verpflichtung)'),
('stadt-hagen', 'zulassung-von-wahlvorschlaegen', 'online', 'Zulassung von Wahlvorschlägen (Zulassung, Änderung, Zurücknahme von Wahlvorschlägen)'),
('stadt-hagen', 'eheschliessung', 'online', 'Eheschließung'),
('stadt-hagen', 'eingliederungshilfe', 'online', 'Eingliederungshilfe'),
('stadt-hagen', 'schwerbehindertenausweis', 'external', 'Schwerbehindertenausweis'),
('stadt-hagen', 'hilfe-zur-pflege', 'online', 'Hilfe zur Pflege'),
('stadt-hagen', 'personalausweis', 'external', 'Personalausweis'),
('stadt-hagen', 'meldebescheinigung', 'online', 'Meldebescheinigung und -registerauskunft'),
('stadt-hagen', 'online-anzeige', 'online', 'Online-Anzeige'),
('stadt-hagen', 'anlagengenehmigung-und-zulassung', 'online', 'Anlagentenehmigung und -zulassung'),
('stadt-hagen', 'vergabe', 'online', 'Vergabe (Öffentliche Vergabe)'),
('stadt-hagen', 'wohngeld', 'online', 'Wohngeld digital (Wohngeld)'),
('stadt-hagen', 'baugenehmigung', 'online', 'Digitale Baugenehmigung (Bauvorbescheid und Baugenehmigung)'),
('stadt-hagen', 'aufenthaltstitel', 'online', 'Aufenthaltstitel'),
('stadt-hagen', 'verpflichtungserklaerung', 'online', 'Verpflichtungserklärung'),
('stadt-hagen', 'unterhaltsvorschuss', 'online', 'Unterhaltsvorschuss'),
('stadt-hagen', 'fuehrerschein', 'online', 'Führerschein digital (Führerschein)'),
('stadt-hagen', 'gewerbesteuer', 'online', 'Gewerbesteuer digital (Gewerbesteuer)');

INSERT INTO availability (authority_id, service_key, state)
SELECT 'stadt-hagen', key, 'planned' FROM service
WHERE booster AND key NOT IN (SELECT service_key FROM availability WHERE authority_id = 'stadt-hagen');

-- Dortmund (demo): the three services with realistic forms, to show a second tenant side by side.
INSERT INTO availability (authority_id, service_key, state, note) VALUES
('stadt-dortmund', 'wohngeld', 'online', 'Demo-Daten'),
('stadt-dortmund', 'ummeldung', 'online', 'Demo-Daten'),
('stadt-dortmund', 'meldebescheinigung', 'online', 'Demo-Daten'),
('stadt-dortmund', 'personalausweis', 'external', 'Demo-Daten');

-- Responsibility: each city for its own area, for every service it offers or plans.
INSERT INTO responsibility (service_key, area, authority_id)
SELECT service_key, '05914000', authority_id FROM availability WHERE authority_id = 'stadt-hagen';
INSERT INTO responsibility (service_key, area, authority_id)
SELECT service_key, '05913000', authority_id FROM availability WHERE authority_id = 'stadt-dortmund';
