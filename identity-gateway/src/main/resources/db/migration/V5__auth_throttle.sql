-- Failed authentications, one row per throttled key (hashed: 'account:…', 'client:…', 'address:…'), instead of
-- one row per failure: growing delays per account and client, a count per window per address.
CREATE TABLE auth_throttle (
    key              TEXT PRIMARY KEY,
    failures         INTEGER     NOT NULL,
    first_failure_at TIMESTAMPTZ NOT NULL,
    last_failure_at  TIMESTAMPTZ NOT NULL,
    blocked_until    TIMESTAMPTZ
);
CREATE INDEX auth_throttle_last_failure ON auth_throttle (last_failure_at);

DROP TABLE login_failure;
