-- The relay now removes an event once the broker has acknowledged it: the topic is the record of what was
-- sent, and the applicant's data is not kept a second time. Events published before go the same way.
DELETE FROM outbox_event WHERE published_at IS NOT NULL;
DROP INDEX outbox_event_unpublished;
ALTER TABLE outbox_event DROP COLUMN published_at;
CREATE INDEX outbox_event_order ON outbox_event (seq);
