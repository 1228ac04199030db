-- Register checks whose application's service is not known yet (its case's event has not been counted): held here
-- and added to their month's figures as soon as an event names the service, so the count does not depend on the
-- order in which the topics deliver.
CREATE TABLE pending_registry_check (
    application_id UUID NOT NULL,
    authority_id   TEXT NOT NULL,
    month          DATE NOT NULL,
    checks         BIGINT NOT NULL,
    PRIMARY KEY (application_id, authority_id, month)
);
