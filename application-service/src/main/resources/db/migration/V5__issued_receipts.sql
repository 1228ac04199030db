-- The receipt (Eingangsbestätigung) is kept once issued, like a notice: it confirms what arrived when,
-- in the letterhead of that moment, and reads the same at every later download.
ALTER TABLE application ADD COLUMN receipt BYTEA;
