-- The test application's own table: what its consumer applied.
CREATE TABLE journal_entry (
    event_id TEXT PRIMARY KEY,
    text     TEXT NOT NULL
);
