-- Uploaded documents, stored in the database by default (an object store can take their content instead).
CREATE TABLE attachment (
    id             UUID PRIMARY KEY,
    application_id UUID        NOT NULL REFERENCES application (id) ON DELETE CASCADE,
    kind           TEXT,
    file_name      TEXT        NOT NULL,
    media_type     TEXT        NOT NULL,
    size           BIGINT      NOT NULL,
    sha256         TEXT        NOT NULL,
    content        BYTEA       NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX attachment_application ON attachment (application_id);

-- The data as submitted (what the case has), and what an information request reopened.
ALTER TABLE application ADD COLUMN submitted_data JSONB;
ALTER TABLE application ADD COLUMN editable_fields TEXT[] NOT NULL DEFAULT '{}';
ALTER TABLE application ADD COLUMN requested_documents TEXT[] NOT NULL DEFAULT '{}';
ALTER TABLE application ADD COLUMN open_request_id UUID;

-- The citizen's mailbox (Postfach): information requests and decision notices.
CREATE TABLE mailbox_message (
    id              UUID PRIMARY KEY,
    citizen_subject TEXT        NOT NULL,
    application_id  UUID        NOT NULL REFERENCES application (id) ON DELETE CASCADE,
    kind            TEXT        NOT NULL CHECK (kind IN ('INFORMATION_REQUEST', 'DECISION')),
    subject         TEXT        NOT NULL,
    body            TEXT        NOT NULL,
    fields          TEXT[]      NOT NULL DEFAULT '{}',
    documents       TEXT[]      NOT NULL DEFAULT '{}',
    due_date        DATE,
    request_id      UUID,
    outcome         TEXT,
    reasoning       TEXT,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    read_at         TIMESTAMPTZ,
    replied_at      TIMESTAMPTZ,
    reply_text      TEXT
);
CREATE INDEX mailbox_message_citizen ON mailbox_message (citizen_subject, created_at DESC);
