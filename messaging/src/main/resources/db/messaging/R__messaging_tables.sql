-- The tables of the messaging library (org.amtsweg.messaging), in every service that includes the
-- Flyway location db/messaging. A repeatable migration, run after the service's own versioned ones
-- whenever this file changes: so every statement here must be idempotent, and it brings any earlier
-- shape of these tables to the one the library reads and writes.

-- Transactional outbox: an event is written with the change it describes; the relay publishes it and
-- deletes it once the broker acknowledged it, so the table holds only what is still to be sent.
CREATE TABLE IF NOT EXISTS outbox_event (
    id             UUID PRIMARY KEY,
    seq            BIGSERIAL   NOT NULL,
    topic          TEXT        NOT NULL,
    aggregate_id   TEXT        NOT NULL,
    type           TEXT        NOT NULL,
    correlation_id TEXT        NOT NULL,
    payload        JSONB       NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Earlier relays marked what was published and kept it forever: what was published is gone now.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM information_schema.columns
               WHERE table_schema = current_schema() AND table_name = 'outbox_event' AND column_name = 'published_at') THEN
        DELETE FROM outbox_event WHERE published_at IS NOT NULL;
        ALTER TABLE outbox_event DROP COLUMN published_at;
    END IF;
END
$$;

-- The sweep reads in outbox order.
CREATE INDEX IF NOT EXISTS outbox_event_order ON outbox_event (seq);

-- Processed-event log: a redelivered event is recognised by its id and changes nothing.
CREATE TABLE IF NOT EXISTS processed_event (
    event_id     TEXT        NOT NULL,
    consumer     TEXT        NOT NULL,
    processed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
