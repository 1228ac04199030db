-- The test application's batch consumer: what it applied, and how many events shared the transaction.
CREATE TABLE tally_entry (
    event_id   TEXT PRIMARY KEY,
    text       TEXT    NOT NULL,
    batch_size INTEGER NOT NULL
);
