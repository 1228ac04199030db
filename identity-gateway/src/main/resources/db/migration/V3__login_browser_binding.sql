-- A pending login is bound to the browser that opened the login page (the hash of its login cookie).
-- Requests from before this column have none and can no longer be completed; they expire within minutes.
ALTER TABLE authorization_request ADD COLUMN browser_hash TEXT;
