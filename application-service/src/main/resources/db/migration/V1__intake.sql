-- An application (Antrag), from draft to decision. The form version is pinned at creation, so the
-- data is always validated against the form the citizen saw.
CREATE TABLE application (
    id                UUID PRIMARY KEY,
    citizen_subject   TEXT        NOT NULL,
    service_key       TEXT        NOT NULL,
    service_name      TEXT        NOT NULL,
    ozg_id            TEXT,
    leika_ids         TEXT[]      NOT NULL DEFAULT '{}',
    registry_checks   TEXT[]      NOT NULL DEFAULT '{}',
    authority_id      TEXT        NOT NULL,
    authority_name    TEXT        NOT NULL,
    reference_prefix  TEXT        NOT NULL,
    ags               TEXT        NOT NULL,
    form_version      INTEGER     NOT NULL,
    minimum_trust_level TEXT      NOT NULL,
    applicant         JSONB       NOT NULL,
    data              JSONB       NOT NULL DEFAULT '{}',
    prefilled         TEXT[]      NOT NULL DEFAULT '{}',
    status            TEXT        NOT NULL,
    reference_number  TEXT UNIQUE,
    case_id           UUID,
    idempotency_key   TEXT,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    submitted_at      TIMESTAMPTZ,
    revision          INTEGER     NOT NULL DEFAULT 0
);
CREATE INDEX application_citizen ON application (citizen_subject, created_at DESC);
CREATE INDEX application_draft_age ON application (updated_at) WHERE status = 'DRAFT';

-- What happened to an application, as the citizen sees it.
CREATE TABLE timeline_entry (
    application_id UUID        NOT NULL REFERENCES application (id) ON DELETE CASCADE,
    seq            BIGSERIAL,
    at             TIMESTAMPTZ NOT NULL,
    status         TEXT        NOT NULL,
    event_type     TEXT        NOT NULL,
    description    TEXT        NOT NULL,
    PRIMARY KEY (application_id, seq)
);

-- Reference numbers (Aktenzeichen) count per authority and year.
CREATE TABLE reference_counter (
    authority_id TEXT    NOT NULL,
    year         INTEGER NOT NULL,
    last_value   BIGINT  NOT NULL,
    PRIMARY KEY (authority_id, year)
);

-- Transactional outbox: events written with the change they describe, published by the relay.
CREATE TABLE outbox_event (
    id             UUID PRIMARY KEY,
    seq            BIGSERIAL   NOT NULL,
    topic          TEXT        NOT NULL,
    aggregate_id   TEXT        NOT NULL,
    type           TEXT        NOT NULL,
    correlation_id TEXT        NOT NULL,
    payload        JSONB       NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    published_at   TIMESTAMPTZ
);
CREATE INDEX outbox_event_unpublished ON outbox_event (seq) WHERE published_at IS NULL;

-- Processed-event log: a redelivered event is recognised by its id and changes nothing.
CREATE TABLE processed_event (
    event_id     TEXT        NOT NULL,
    consumer     TEXT        NOT NULL,
    processed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
