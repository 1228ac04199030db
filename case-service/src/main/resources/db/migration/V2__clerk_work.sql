-- Information requests (Nachforderungen) of a case.
CREATE TABLE information_request (
    id           UUID PRIMARY KEY,
    case_id      UUID        NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
    message      TEXT        NOT NULL,
    fields       TEXT[]      NOT NULL DEFAULT '{}',
    documents    TEXT[]      NOT NULL DEFAULT '{}',
    due_date     DATE,
    requested_by TEXT        NOT NULL,
    requested_at TIMESTAMPTZ NOT NULL,
    answered_at  TIMESTAMPTZ
);
CREATE INDEX information_request_case ON information_request (case_id);

-- The decision (Bescheid) of a case.
CREATE TABLE decision (
    id          UUID PRIMARY KEY,
    case_id     UUID        NOT NULL UNIQUE REFERENCES case_file (id) ON DELETE CASCADE,
    outcome     TEXT        NOT NULL CHECK (outcome IN ('APPROVED', 'REJECTED', 'PARTIALLY_APPROVED')),
    reasoning   TEXT        NOT NULL,
    notice_text TEXT        NOT NULL,
    decided_by  TEXT        NOT NULL,
    issued_at   TIMESTAMPTZ NOT NULL
);
