-- How an authority's specialist procedure takes its decided cases over (issue 18): the pull feed, or push to
-- its endpoint, encrypted to its public key; its signing key verifies the events (SETs) it sends. Public keys only.
CREATE TABLE handover_registration (
    authority_id   TEXT PRIMARY KEY,
    mode           TEXT        NOT NULL CHECK (mode IN ('pull', 'push')),
    endpoint       TEXT,
    encryption_key JSONB,
    signing_key    JSONB,
    updated_at     TIMESTAMPTZ NOT NULL,
    updated_by     TEXT        NOT NULL
);

-- The platform's key that signs push deliveries and the platform's SETs: generated once, kept here so that every
-- instance and every restart signs with the same key (published as the JWKS at /handover/jwks).
CREATE TABLE platform_signing_key (
    kid        TEXT PRIMARY KEY,
    jwk        TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);

-- One push delivery per decided case of a push authority, written in the transaction that decides the case.
CREATE TABLE handover_delivery (
    case_id         UUID PRIMARY KEY REFERENCES case_file (id) ON DELETE CASCADE,
    authority_id    TEXT        NOT NULL,
    state           TEXT        NOT NULL CHECK (state IN ('PENDING', 'DELIVERED', 'FAILED', 'REJECTED')),
    attempts        INTEGER     NOT NULL DEFAULT 0,
    created_at      TIMESTAMPTZ NOT NULL,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    last_attempt_at TIMESTAMPTZ,
    last_error      TEXT,
    delivered_at    TIMESTAMPTZ
);
CREATE INDEX handover_delivery_due ON handover_delivery (next_attempt_at) WHERE state = 'PENDING';
CREATE INDEX handover_delivery_state ON handover_delivery (state, authority_id, created_at);

-- The signed event log of a case's handover: the platform's SETs (delivered, delivery-failed) and the procedure's
-- (accepted, rejected), each kept as the compact JWS it was, so that both sides can prove what happened when.
CREATE TABLE handover_event (
    seq         BIGSERIAL PRIMARY KEY,
    case_id     UUID        NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
    issuer      TEXT        NOT NULL,
    jti         TEXT        NOT NULL,
    event       TEXT        NOT NULL,
    reason      TEXT,
    token       TEXT        NOT NULL,
    recorded_at TIMESTAMPTZ NOT NULL,
    UNIQUE (issuer, jti)
);
CREATE INDEX handover_event_case ON handover_event (case_id, seq);
