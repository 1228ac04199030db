-- Municipalities (Gemeinden) by their AGS, and the postal codes within each: a citizen who knows her postal code
-- or her town's name, but not its 8-digit AGS, finds her place — and with it the responsible authority — before
-- she logs in. A postal code may span several municipalities, and a municipality has several postal codes.
CREATE TABLE municipality (
    ags   TEXT PRIMARY KEY CHECK (ags ~ '^[0-9]{8}$'),
    name  TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200)
);
CREATE INDEX municipality_name ON municipality (lower(name) text_pattern_ops);

CREATE TABLE postal_code (
    code  TEXT NOT NULL CHECK (code ~ '^[0-9]{5}$'),
    ags   TEXT NOT NULL REFERENCES municipality (ags) ON DELETE CASCADE,
    PRIMARY KEY (code, ags)
);
CREATE INDEX postal_code_ags ON postal_code (ags);
