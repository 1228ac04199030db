-- A notice (Bescheid) is issued once: its document is rendered in the authority's corporate identity
-- of that moment and kept, so a later logo, colour or name line never alters an issued notice.
ALTER TABLE mailbox_message
    ADD COLUMN issued_at TIMESTAMPTZ,
    ADD COLUMN document  BYTEA;

CREATE INDEX mailbox_message_notice_pending ON mailbox_message (created_at) WHERE kind = 'DECISION' AND document IS NULL;
