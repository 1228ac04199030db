-- A pending authorization request (between /authorize and the login form's answer).
CREATE TABLE authorization_request (
    id             TEXT PRIMARY KEY,
    client_id      TEXT        NOT NULL,
    redirect_uri   TEXT        NOT NULL,
    scope          TEXT        NOT NULL,
    state          TEXT,
    nonce          TEXT,
    code_challenge TEXT        NOT NULL,
    acr_minimum    TEXT        NOT NULL,
    csrf_token     TEXT        NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    expires_at     TIMESTAMPTZ NOT NULL
);

-- A login session (sid): what the person proved, and when; ended by logout.
CREATE TABLE login_session (
    sid          TEXT PRIMARY KEY,
    subject_kind TEXT        NOT NULL CHECK (subject_kind IN ('citizen', 'staff', 'federated')),
    subject_ref  TEXT        NOT NULL,
    method       TEXT        NOT NULL,
    auth_time    TIMESTAMPTZ NOT NULL,
    -- For a login delegated to an upstream provider: the person's claims as it vouched for them.
    claims       JSONB,
    -- The browser's session cookie, hashed; not the sid, which clients see in their tokens.
    cookie_hash  TEXT        NOT NULL UNIQUE,
    ended_at     TIMESTAMPTZ
);

-- Everything issued from one authorization code: revoked together when the code is replayed, a
-- rotated refresh token is replayed, or the session ends.
CREATE TABLE token_family (
    id         TEXT PRIMARY KEY,
    client_id  TEXT        NOT NULL,
    sid        TEXT        NOT NULL REFERENCES login_session (sid),
    scope      TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    revoked_at TIMESTAMPTZ
);
CREATE INDEX token_family_sid ON token_family (sid);

-- Authorization codes: stored as SHA-256 hashes, single use, short-lived.
CREATE TABLE authorization_code (
    code_hash      TEXT PRIMARY KEY,
    family_id      TEXT        NOT NULL REFERENCES token_family (id),
    redirect_uri   TEXT        NOT NULL,
    nonce          TEXT,
    code_challenge TEXT        NOT NULL,
    expires_at     TIMESTAMPTZ NOT NULL,
    used_at        TIMESTAMPTZ
);

-- Refresh tokens: stored as SHA-256 hashes, rotated on every use.
CREATE TABLE refresh_token (
    token_hash TEXT PRIMARY KEY,
    family_id  TEXT        NOT NULL REFERENCES token_family (id),
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    used_at    TIMESTAMPTZ
);
CREATE INDEX refresh_token_family ON refresh_token (family_id);

-- Access tokens issued within a family (by jti), so that introspection knows when they were revoked.
CREATE TABLE issued_access_token (
    jti        TEXT PRIMARY KEY,
    family_id  TEXT REFERENCES token_family (id),
    expires_at TIMESTAMPTZ NOT NULL,
    revoked_at TIMESTAMPTZ
);
CREATE INDEX issued_access_token_family ON issued_access_token (family_id);

-- Failed logins per account and per address, for back-off and lockout.
CREATE TABLE login_failure (
    key       TEXT        NOT NULL,
    failed_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX login_failure_key ON login_failure (key, failed_at);

-- A login delegated to the upstream provider (e.g. a Keycloak brokering BundID), between our redirect and its answer.
CREATE TABLE upstream_login (
    state       TEXT PRIMARY KEY,
    request_id  TEXT        NOT NULL REFERENCES authorization_request (id) ON DELETE CASCADE,
    verifier    TEXT        NOT NULL,
    nonce       TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL
);
