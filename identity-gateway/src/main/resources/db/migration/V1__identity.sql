-- Signing keys: shared by every gateway instance, published before they sign, retired after their tokens expired.
CREATE TABLE signing_key (
    kid          TEXT PRIMARY KEY,
    algorithm    TEXT        NOT NULL,
    private_jwk  TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    activates_at TIMESTAMPTZ NOT NULL,
    retires_at   TIMESTAMPTZ
);

-- Staff of the authorities; passwords only as bcrypt hashes.
CREATE TABLE staff_account (
    username      TEXT PRIMARY KEY,
    display_name  TEXT        NOT NULL,
    password_hash TEXT        NOT NULL,
    authority     TEXT        NOT NULL,
    roles         TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL
);
