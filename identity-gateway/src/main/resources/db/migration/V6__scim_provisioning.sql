-- SCIM provisioning (RFC 7643/7644): staff accounts get a stable SCIM id, a version (the ETag), an active flag and the
-- optional attributes a municipality's identity management sends. An account created over SCIM has no password until
-- its holder sets one through her activation link.
ALTER TABLE staff_account
    ADD COLUMN id            UUID        NOT NULL DEFAULT gen_random_uuid(),
    ADD COLUMN external_id   TEXT,
    ADD COLUMN given_name    TEXT,
    ADD COLUMN family_name   TEXT,
    ADD COLUMN email         TEXT,
    ADD COLUMN active        BOOLEAN     NOT NULL DEFAULT true,
    ADD COLUMN version       BIGINT      NOT NULL DEFAULT 1,
    ADD COLUMN last_modified TIMESTAMPTZ NOT NULL DEFAULT now(),
    ALTER COLUMN password_hash DROP NOT NULL;
ALTER TABLE staff_account ADD CONSTRAINT staff_account_id UNIQUE (id);
-- userName is case-insensitive in SCIM (caseExact false): "Clerk.Witten" and "clerk.witten" are one account.
CREATE UNIQUE INDEX staff_account_username_ci ON staff_account (lower(username));

-- One group per role per authority ("stadt-witten/clerk"). Membership stays in staff_account.roles (the column the
-- tokens are made from), so that a member's roles are exactly her groups' roles within her authority.
CREATE TABLE staff_group (
    id            UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    authority     TEXT        NOT NULL,
    role          TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_modified TIMESTAMPTZ NOT NULL DEFAULT now(),
    version       BIGINT      NOT NULL DEFAULT 1,
    UNIQUE (authority, role)
);
INSERT INTO staff_group (authority, role)
SELECT DISTINCT authority, trim(role) FROM staff_account, unnest(string_to_array(roles, ',')) AS role WHERE trim(role) <> ''
ON CONFLICT DO NOTHING;

-- One-time activation links: only the SHA-256 of the token is kept; used once, then never again.
CREATE TABLE staff_activation (
    token_hash TEXT PRIMARY KEY,
    username   TEXT        NOT NULL REFERENCES staff_account (username) ON DELETE CASCADE ON UPDATE CASCADE,
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    used_at    TIMESTAMPTZ
);
CREATE INDEX staff_activation_username ON staff_activation (username);

-- Specialist-procedure clients registered at run time (beside the configured ones): client_credentials, scope
-- handover, audience case-service, role procedure, for one authority. The secret only as its SHA-256 (it is 256
-- random bits, so a slow hash adds nothing).
CREATE TABLE procedure_client (
    client_id     TEXT PRIMARY KEY,
    authority     TEXT        NOT NULL,
    secret_hash   TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    created_by    TEXT        NOT NULL,
    last_modified TIMESTAMPTZ NOT NULL,
    disabled_at   TIMESTAMPTZ,
    version       BIGINT      NOT NULL DEFAULT 1
);
CREATE INDEX procedure_client_authority ON procedure_client (authority);
