-- Outcomes: responses to versioned instruments (defined in resource files), stored item by item, with the score as
-- the code computed it (for fast aggregates); the participant's unfinished answers; which licensed instruments an
-- organisation has enabled; and the organisation's thresholds for the aggregates.

CREATE TABLE outcome_response (
    id                 uuid PRIMARY KEY,
    organisation_id    uuid        NOT NULL REFERENCES organisation (id),
    person_id          uuid        NOT NULL REFERENCES person (id),
    instrument_id      text        NOT NULL CHECK (length(instrument_id) BETWEEN 1 AND 60),
    instrument_version int         NOT NULL CHECK (instrument_version >= 1),
    answered_on        date        NOT NULL,
    entered_by         uuid REFERENCES app_user (id),
    entry_method       text        NOT NULL CHECK (entry_method IN ('GUIDE_WITH_PARTICIPANT', 'SELF_SERVICE')),
    -- computed by the application from the answers, never typed in; NULL when an item is missing
    score              int,
    raw_score          int,
    status             text CHECK (status IN ('RUSFRI', 'REDUSERT', 'AKTIV_BRUK')),
    goal               text CHECK (goal IN ('RUSFRIHET', 'REDUSERT_BRUK', 'ANNET')),
    missing_reason     text CHECK (length(missing_reason) <= 100),
    created_at         timestamptz NOT NULL DEFAULT now()
);
-- a person's responses to one instrument in date order: trends, the schedule, and the aggregates, which read
-- only the index (score, status and goal ride along)
CREATE INDEX outcome_response_person_idx ON outcome_response (person_id, instrument_id, answered_on);
CREATE INDEX outcome_response_aggregate_idx ON outcome_response (organisation_id, instrument_id, person_id, answered_on)
    INCLUDE (score, status, goal, created_at);
ALTER TABLE outcome_response ENABLE ROW LEVEL SECURITY;
CREATE POLICY outcome_response_tenant ON outcome_response
    USING (organisation_id = current_organisation_id())
    WITH CHECK (organisation_id = current_organisation_id());

CREATE TABLE outcome_answer (
    response_id     uuid NOT NULL REFERENCES outcome_response (id),
    organisation_id uuid NOT NULL REFERENCES organisation (id),
    item_id         text NOT NULL CHECK (length(item_id) BETWEEN 1 AND 60),
    value           int  NOT NULL,
    PRIMARY KEY (response_id, item_id)
);
ALTER TABLE outcome_answer ENABLE ROW LEVEL SECURITY;
CREATE POLICY outcome_answer_tenant ON outcome_answer
    USING (organisation_id = current_organisation_id())
    WITH CHECK (organisation_id = current_organisation_id());

-- what a participant has answered so far on «Min side», one instrument at a time; the id becomes the response's
CREATE TABLE outcome_draft (
    person_id          uuid        NOT NULL REFERENCES person (id),
    instrument_id      text        NOT NULL CHECK (length(instrument_id) BETWEEN 1 AND 60),
    organisation_id    uuid        NOT NULL REFERENCES organisation (id),
    response_id        uuid        NOT NULL,
    instrument_version int         NOT NULL,
    answers            text        NOT NULL DEFAULT '' CHECK (length(answers) <= 2000),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (person_id, instrument_id)
);
ALTER TABLE outcome_draft ENABLE ROW LEVEL SECURITY;
CREATE POLICY outcome_draft_tenant ON outcome_draft
    USING (organisation_id = current_organisation_id())
    WITH CHECK (organisation_id = current_organisation_id());

-- an organisation's confirmation that it holds the licence of an instrument that needs one
CREATE TABLE instrument_enabled (
    organisation_id uuid        NOT NULL REFERENCES organisation (id),
    instrument_id   text        NOT NULL CHECK (length(instrument_id) BETWEEN 1 AND 60),
    enabled_at      timestamptz NOT NULL DEFAULT now(),
    enabled_by      uuid,
    PRIMARY KEY (organisation_id, instrument_id)
);
ALTER TABLE instrument_enabled ENABLE ROW LEVEL SECURITY;
CREATE POLICY instrument_enabled_tenant ON instrument_enabled
    USING (organisation_id = current_organisation_id())
    WITH CHECK (organisation_id = current_organisation_id());

-- the thresholds of the aggregates; no row means the defaults
CREATE TABLE outcome_settings (
    organisation_id          uuid PRIMARY KEY REFERENCES organisation (id),
    abstinence_window_months int NOT NULL DEFAULT 12 CHECK (abstinence_window_months BETWEEN 1 AND 60),
    min_gap_days             int NOT NULL DEFAULT 90 CHECK (min_gap_days BETWEEN 1 AND 730),
    quality_of_life_gain     int NOT NULL DEFAULT 1 CHECK (quality_of_life_gain BETWEEN 1 AND 10),
    who5_gain                int NOT NULL DEFAULT 10 CHECK (who5_gain BETWEEN 1 AND 100),
    meaningful_min           int NOT NULL DEFAULT 7 CHECK (meaningful_min BETWEEN 0 AND 10),
    updated_at               timestamptz NOT NULL DEFAULT now(),
    updated_by               uuid
);
ALTER TABLE outcome_settings ENABLE ROW LEVEL SECURITY;
CREATE POLICY outcome_settings_tenant ON outcome_settings
    USING (organisation_id = current_organisation_id())
    WITH CHECK (organisation_id = current_organisation_id());

-- responses and answers are history: written once, never changed by the app
GRANT SELECT, INSERT ON outcome_response, outcome_answer TO ${app_role};
GRANT SELECT, INSERT, UPDATE, DELETE ON outcome_draft, instrument_enabled TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON outcome_settings TO ${app_role};
