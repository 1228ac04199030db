-- The live inbox streams events once no transaction that could still add an earlier one is running,
-- instead of waiting until an event is a second old (a guess: a transaction that took its number and
-- then waited more than a second for its commit was skipped, and every clerk waited a second for each
-- new case). Each event remembers the transaction that wrote it; every transaction below the oldest one
-- still running (pg_snapshot_xmin of the current snapshot) has ended, so the events ordered by
-- (transaction, position) up to there are final and can be streamed in that order without gap.
-- Events written before this migration keep their order, ahead of all later ones (transaction 0).
ALTER TABLE case_event ADD COLUMN txid xid8 NOT NULL DEFAULT '0';
ALTER TABLE case_event ALTER COLUMN txid SET DEFAULT pg_current_xact_id();
DROP INDEX case_event_of_authority;
CREATE INDEX case_event_in_commit_order ON case_event (txid, seq);
CREATE INDEX case_event_of_authority ON case_event (authority_id, txid, seq);
