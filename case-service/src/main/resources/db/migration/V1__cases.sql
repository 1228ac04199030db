-- A case (Vorgang) of an authority, opened from exactly one submitted application.
CREATE TABLE case_file (
    id               UUID PRIMARY KEY,
    application_id   UUID        NOT NULL UNIQUE,
    reference_number TEXT        NOT NULL,
    authority_id     TEXT        NOT NULL,
    service_key      TEXT        NOT NULL,
    service_name     TEXT        NOT NULL,
    form_version     INTEGER     NOT NULL,
    status           TEXT        NOT NULL,
    assignee         TEXT,
    applicant        JSONB       NOT NULL,
    data             JSONB       NOT NULL,
    attachments      JSONB       NOT NULL DEFAULT '[]',
    submitted_at     TIMESTAMPTZ NOT NULL,
    opened_at        TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL,
    revision         INTEGER     NOT NULL DEFAULT 0
);
-- The clerk's inbox: one authority's cases, newest first, keyset-paged.
CREATE INDEX case_file_inbox ON case_file (authority_id, opened_at DESC, id DESC);
CREATE INDEX case_file_inbox_status ON case_file (authority_id, status, opened_at DESC, id DESC);

-- A register check (Registerabgleich), kept for audit: register, legal basis, purpose, question, answer, time.
CREATE TABLE registry_check (
    id               UUID PRIMARY KEY,
    case_id          UUID        NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
    register         TEXT        NOT NULL,
    legal_basis      TEXT        NOT NULL,
    purpose          TEXT        NOT NULL,
    request          JSONB       NOT NULL,
    state            TEXT        NOT NULL CHECK (state IN ('PENDING', 'DONE')),
    result           TEXT CHECK (result IN ('MATCH', 'MISMATCH', 'NOT_FOUND', 'UNAVAILABLE')),
    differing_fields TEXT[]      NOT NULL DEFAULT '{}',
    response         JSONB,
    attempts         INTEGER     NOT NULL DEFAULT 0,
    requested_at     TIMESTAMPTZ NOT NULL,
    completed_at     TIMESTAMPTZ,
    next_attempt_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX registry_check_due ON registry_check (next_attempt_at) WHERE state = 'PENDING';
CREATE INDEX registry_check_case ON registry_check (case_id);

-- Everything that happened to a case, for the audit trail.
CREATE TABLE case_history (
    case_id     UUID        NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
    seq         BIGSERIAL,
    at          TIMESTAMPTZ NOT NULL,
    actor       TEXT        NOT NULL,
    action      TEXT        NOT NULL,
    from_status TEXT,
    to_status   TEXT,
    detail      TEXT,
    PRIMARY KEY (case_id, seq)
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
