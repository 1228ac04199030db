CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

-- An authority (Behörde) and the corporate identity every citizen of its area must see.
CREATE TABLE authority (
    id               TEXT PRIMARY KEY CHECK (id ~ '^[a-z0-9-]+$'),
    name             TEXT        NOT NULL,
    kind             TEXT        NOT NULL,
    ags_codes        TEXT[]      NOT NULL DEFAULT '{}',
    reference_prefix TEXT        NOT NULL CHECK (reference_prefix ~ '^[A-Z]{2,4}$'),
    street_address   TEXT,
    postal_code      TEXT,
    locality         TEXT,
    email            TEXT,
    phone            TEXT,
    website          TEXT,
    logo_svg         TEXT,
    primary_color    TEXT CHECK (primary_color ~ '^#[0-9a-fA-F]{6}$'),
    secondary_color  TEXT CHECK (secondary_color ~ '^#[0-9a-fA-F]{6}$'),
    name_line        TEXT,
    imprint_url      TEXT,
    privacy_url      TEXT,
    updated_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- An administrative service (Leistung).
CREATE TABLE service (
    key                   TEXT PRIMARY KEY CHECK (key ~ '^[a-z0-9-]+$'),
    name                  TEXT        NOT NULL,
    short_description     TEXT,
    ozg_id                TEXT CHECK (ozg_id ~ '^[0-9]+$'),
    topic                 TEXT,
    situation             TEXT,
    responsibility_levels TEXT[]      NOT NULL DEFAULT '{}',
    booster               BOOLEAN     NOT NULL DEFAULT false,
    booster_list          TEXT CHECK (booster_list IN ('NOT_YET_EFA_READY', 'EFA_READY')),
    booster_position      INTEGER,
    efa                   BOOLEAN     NOT NULL DEFAULT false,
    efa_operator          TEXT,
    efa_kickoff           DATE,
    efa_productive_since  TEXT,
    priority              INTEGER,
    priority_note         TEXT,
    handling              TEXT        NOT NULL CHECK (handling IN ('online', 'external', 'in-person')),
    handling_url          TEXT,
    handling_note         TEXT,
    minimum_trust_level   TEXT        NOT NULL DEFAULT 'substantial' CHECK (minimum_trust_level IN ('low', 'substantial', 'high')),
    registry_checks       TEXT[]      NOT NULL DEFAULT '{}',
    synonyms              TEXT[]      NOT NULL DEFAULT '{}',
    legal_basis           TEXT,
    updated_at            TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK ((booster_list IS NULL) = (booster_position IS NULL)),
    CHECK (booster OR booster_list IS NULL)
);
CREATE UNIQUE INDEX service_booster_position ON service (booster_list, booster_position) WHERE booster;

-- Entries of the federal service catalogue (LeiKa) a service consists of.
CREATE TABLE leika_entry (
    leika_id    TEXT PRIMARY KEY CHECK (leika_id ~ '^[0-9]{14}$'),
    service_key TEXT NOT NULL REFERENCES service (key) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    last_change TEXT,
    leika_type  TEXT,
    legal_basis TEXT,
    sdg1        TEXT,
    sdg2        TEXT,
    status      TEXT
);
CREATE INDEX leika_entry_service ON leika_entry (service_key);

-- Responsibility (Zuständigkeit): service x area -> authority. The area is an 8-digit AGS, a 2-digit
-- state code or 'DE'; the most specific area wins.
CREATE TABLE responsibility (
    service_key  TEXT NOT NULL REFERENCES service (key) ON DELETE CASCADE,
    area         TEXT NOT NULL CHECK (area ~ '^([0-9]{2}|[0-9]{8}|DE)$'),
    authority_id TEXT NOT NULL REFERENCES authority (id),
    PRIMARY KEY (service_key, area)
);

-- Whether an authority offers a service, and how.
CREATE TABLE availability (
    authority_id TEXT        NOT NULL REFERENCES authority (id) ON DELETE CASCADE,
    service_key  TEXT        NOT NULL REFERENCES service (key) ON DELETE CASCADE,
    state        TEXT        NOT NULL CHECK (state IN ('online', 'external', 'planned', 'offline')),
    since        DATE,
    local_title  TEXT,
    note         TEXT,
    PRIMARY KEY (authority_id, service_key)
);

-- Published versions of a service's form; immutable once published, because applications reference them.
CREATE TABLE form_version (
    service_key  TEXT        NOT NULL REFERENCES service (key) ON DELETE CASCADE,
    version      INTEGER     NOT NULL CHECK (version > 0),
    schema       JSONB       NOT NULL,
    presentation JSONB       NOT NULL,
    published_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    published_by TEXT        NOT NULL,
    PRIMARY KEY (service_key, version)
);

-- Search: German full text over names, descriptions, synonyms and LeiKa names, plus trigrams for typos.
CREATE TABLE service_search (
    service_key TEXT PRIMARY KEY REFERENCES service (key) ON DELETE CASCADE,
    document    TSVECTOR NOT NULL,
    words       TEXT     NOT NULL
);
CREATE INDEX service_search_document ON service_search USING gin (document);
CREATE INDEX service_search_words ON service_search USING gin (words gin_trgm_ops);

CREATE FUNCTION refresh_service_search(k TEXT) RETURNS VOID LANGUAGE sql AS $$
    INSERT INTO service_search (service_key, document, words)
    SELECT s.key,
           setweight(to_tsvector('german', s.name), 'A')
               || setweight(to_tsvector('german', array_to_string(s.synonyms, ' ')), 'B')
               || setweight(to_tsvector('german', coalesce(string_agg(l.name, ' '), '')), 'C')
               || setweight(to_tsvector('german', coalesce(s.short_description, '')), 'D'),
           lower(s.name || ' ' || array_to_string(s.synonyms, ' ') || ' ' || coalesce(string_agg(l.name, ' '), ''))
    FROM service s LEFT JOIN leika_entry l ON l.service_key = s.key
    WHERE s.key = k
    GROUP BY s.key
    ON CONFLICT (service_key) DO UPDATE SET document = excluded.document, words = excluded.words;
$$;

-- Two trigger functions, because PL/pgSQL resolves NEW's fields per table.
CREATE FUNCTION service_search_on_service() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    PERFORM refresh_service_search(NEW.key);
    RETURN NEW;
END $$;

CREATE FUNCTION service_search_on_leika() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM refresh_service_search(OLD.service_key);
        RETURN OLD;
    END IF;
    PERFORM refresh_service_search(NEW.service_key);
    RETURN NEW;
END $$;

CREATE TRIGGER service_search_on_service AFTER INSERT OR UPDATE ON service
    FOR EACH ROW EXECUTE FUNCTION service_search_on_service();
CREATE TRIGGER service_search_on_leika AFTER INSERT OR UPDATE OR DELETE ON leika_entry
    FOR EACH ROW EXECUTE FUNCTION service_search_on_leika();

-- Transactional outbox: events written with the change they describe, published by the relay.
CREATE TABLE outbox_event (
    id             UUID PRIMARY KEY,
    topic          TEXT        NOT NULL,
    aggregate_id   TEXT        NOT NULL,
    type           TEXT        NOT NULL,
    correlation_id TEXT        NOT NULL,
    payload        JSONB       NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    published_at   TIMESTAMPTZ
);
CREATE INDEX outbox_event_unpublished ON outbox_event (created_at) WHERE published_at IS NULL;
