-- The inbox shows each case's register results; kept on the case so that listing a page reads one table.
ALTER TABLE case_file ADD COLUMN registry_summary TEXT;
UPDATE case_file f SET registry_summary = (
    SELECT string_agg(DISTINCT coalesce(c.result, 'PENDING'), ',') FROM registry_check c WHERE c.case_id = f.id);
