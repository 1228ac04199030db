-- An application row (its data, the data as submitted, the applicant) and an outbox event are a few
-- kilobytes. With the default threshold of about 2 kB, PostgreSQL compressed them on every write and
-- decompressed them on every read, which was the largest single cost of a submission in the database
-- (pglz; deploy/bench/intake.sh). Rows now stay as they are up to the most a page holds; larger values,
-- such as a kept receipt, still go to TOAST storage.
ALTER TABLE application SET (toast_tuple_target = 8160);
ALTER TABLE outbox_event SET (toast_tuple_target = 8160);
