-- The usage figures of shared financing ("Betrieb anteilig finanziert"), counted from the platform's events.
-- Each event adds to one row, in the transaction that records it in the processed-event log, so a
-- redelivered event adds nothing and the figures are exact.

-- Per authority, service and calendar month (Europe/Berlin, the month the event happened in).
CREATE TABLE monthly_usage (
    authority_id           TEXT   NOT NULL,
    service_key            TEXT   NOT NULL,
    month                  DATE   NOT NULL CHECK (extract(day FROM month) = 1),
    drafts_started         BIGINT NOT NULL DEFAULT 0,
    applications_submitted BIGINT NOT NULL DEFAULT 0,
    cases_opened           BIGINT NOT NULL DEFAULT 0,
    registry_checks        BIGINT NOT NULL DEFAULT 0,
    documents_stored       BIGINT NOT NULL DEFAULT 0,
    document_bytes_stored  BIGINT NOT NULL DEFAULT 0,
    documents_removed      BIGINT NOT NULL DEFAULT 0,
    document_bytes_removed BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (month, authority_id, service_key)
);

-- Which service an application belongs to: register checks name the authority and the application, not the
-- service, and are counted by the service of the case they belong to (CaseOpened comes first on its partition).
CREATE TABLE application_service (
    application_id UUID PRIMARY KEY,
    authority_id   TEXT NOT NULL,
    service_key    TEXT NOT NULL
);

-- Every change of a staff account, as the gateway announced it (AdministrativeChange): an account is active at a
-- month's end if its latest change before then left it active.
CREATE TABLE staff_account_change (
    change_id    TEXT        PRIMARY KEY,
    account_id   TEXT        NOT NULL,
    authority_id TEXT        NOT NULL,
    changed_at   TIMESTAMPTZ NOT NULL,
    active       BOOLEAN     NOT NULL
);
CREATE INDEX staff_account_change_latest ON staff_account_change (account_id, changed_at DESC);
