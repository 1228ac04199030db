-- The live inbox's own log. The outbox holds only what is still to be sent (the relay deletes what the
-- broker acknowledged), so the clerks' live stream cannot read it any longer: every case event is also
-- written here, in the same transaction as its outbox row, with the authority it concerns, and kept for
-- as long as amtsweg.cases.live-inbox.retention says.
CREATE TABLE case_event (
    seq          BIGSERIAL PRIMARY KEY,
    authority_id TEXT        NOT NULL,
    type         TEXT        NOT NULL,
    payload      JSONB       NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX case_event_of_authority ON case_event (authority_id, seq);
CREATE INDEX case_event_created ON case_event (created_at);

-- A trigger, not a second insert in each of the statements that write case events (opening a case,
-- completing register checks, each clerk's step): the log cannot miss an event that one of them writes.
CREATE FUNCTION case_event_from_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO case_event (authority_id, type, payload) VALUES (NEW.payload ->> 'authorityId', NEW.type, NEW.payload);
    RETURN NEW;
END
$$;
CREATE TRIGGER case_event_logged AFTER INSERT ON outbox_event
    FOR EACH ROW WHEN (NEW.topic = 'cases' AND NEW.payload ? 'authorityId')
    EXECUTE FUNCTION case_event_from_outbox();

-- What the outbox has kept so far becomes the log's beginning, at the same positions, so that a clerk's
-- client resuming with an older Last-Event-ID continues where it was.
INSERT INTO case_event (seq, authority_id, type, payload, created_at)
SELECT seq, payload ->> 'authorityId', type, payload, created_at FROM outbox_event
WHERE topic = 'cases' AND payload ? 'authorityId' ORDER BY seq;
SELECT setval(pg_get_serial_sequence('case_event', 'seq'), (SELECT coalesce(max(seq), 0) + 1 FROM outbox_event), false);
