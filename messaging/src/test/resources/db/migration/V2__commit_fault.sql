-- A commit that fails although every statement of the effect succeeded: the deferred trigger runs at COMMIT and
-- refuses it as a lost serialization race would (a passing failure), while the test holds a row in commit_fault.
CREATE TABLE commit_fault (held BOOLEAN PRIMARY KEY);

CREATE FUNCTION refuse_commit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.text LIKE 'commit-fails%' AND EXISTS (SELECT 1 FROM commit_fault) THEN
        RAISE EXCEPTION 'could not serialize access (as the test asked)' USING ERRCODE = '40001';
    END IF;
    RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER journal_commit_fault AFTER INSERT ON journal_entry DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION refuse_commit();
