-- The tally's commit can fail as the journal's does (V2): for what a consumer does only once its poll has committed.
CREATE CONSTRAINT TRIGGER tally_commit_fault AFTER INSERT ON tally_entry DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION refuse_commit();
