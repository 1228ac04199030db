-- The funnel of the intake (Antragsstrecke), per draft, for the council's report: how far each draft got through its
-- form's steps, whether it was saved, submitted or abandoned. Kept when an expired draft is deleted (data
-- minimisation deletes the application, not this row, which holds nothing of the citizen).
CREATE TABLE draft_funnel (
    application_id      UUID        PRIMARY KEY,
    authority_id        TEXT        NOT NULL,
    service_key         TEXT        NOT NULL,
    started_at          TIMESTAMPTZ NOT NULL,
    saves               INTEGER     NOT NULL DEFAULT 0,
    last_active_at      TIMESTAMPTZ NOT NULL,
    -- The furthest step of the form (its presentation's sections, 1-based) with data; 0 before any.
    furthest_step       INTEGER     NOT NULL DEFAULT 0,
    furthest_step_title TEXT,
    submitted_at        TIMESTAMPTZ,
    -- Set when the draft expiry deleted the untouched draft.
    abandoned_at        TIMESTAMPTZ
);
CREATE INDEX draft_funnel_start ON draft_funnel (authority_id, started_at);

-- The applications there are already: started, saved if changed after creation, submitted if so; their steps unknown.
INSERT INTO draft_funnel (application_id, authority_id, service_key, started_at, saves, last_active_at, submitted_at)
SELECT id, authority_id, service_key, created_at, CASE WHEN revision > 0 THEN 1 ELSE 0 END, updated_at, submitted_at FROM application;
