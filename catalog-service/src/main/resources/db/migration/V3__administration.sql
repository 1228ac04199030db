-- Every change an administrator makes to the catalogue: who, when, what, before and after.
CREATE TABLE catalog_audit (
    id        BIGSERIAL PRIMARY KEY,
    at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    actor     TEXT        NOT NULL,
    entity    TEXT        NOT NULL,
    entity_id TEXT        NOT NULL,
    change    TEXT        NOT NULL,
    before    JSONB,
    after     JSONB
);
CREATE INDEX catalog_audit_entity ON catalog_audit (entity, entity_id, at DESC);

ALTER TABLE outbox_event ADD COLUMN seq BIGSERIAL NOT NULL;
DROP INDEX outbox_event_unpublished;
CREATE INDEX outbox_event_unpublished ON outbox_event (seq) WHERE published_at IS NULL;
