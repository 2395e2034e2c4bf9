-- The annual report's own data: the narrative sections written in the app (Markdown, per organisation, year and
-- department or the whole organisation), and the assumptions of the socio-economic estimate. No personal data.

CREATE TABLE report_narrative (
    id              uuid PRIMARY KEY,
    organisation_id uuid        NOT NULL REFERENCES organisation (id),
    year            int         NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    -- null: the report of the whole organisation
    department_id   uuid REFERENCES department (id),
    section         text        NOT NULL CHECK (section IN ('introduction', 'about', 'activity', 'events',
                                                            'professional', 'participation', 'followup', 'results',
                                                            'governance', 'political', 'closing')),
    markdown        text        NOT NULL CHECK (length(markdown) <= 20000),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    updated_by      uuid,
    updated_by_name text,
    UNIQUE NULLS NOT DISTINCT (organisation_id, year, department_id, section)
);
ALTER TABLE report_narrative ENABLE ROW LEVEL SECURITY;
CREATE POLICY report_narrative_tenant ON report_narrative
    USING (organisation_id = current_organisation_id())
    WITH CHECK (organisation_id = current_organisation_id());

-- NOK per person per year that the organisation assumes is saved when a person keeps abstinence, and its source
CREATE TABLE report_settings (
    organisation_id uuid PRIMARY KEY REFERENCES organisation (id),
    saving_low_nok  bigint      NOT NULL CHECK (saving_low_nok BETWEEN 0 AND 100000000),
    saving_high_nok bigint      NOT NULL CHECK (saving_high_nok BETWEEN 0 AND 100000000),
    saving_source   text        NOT NULL CHECK (length(saving_source) <= 1000),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    updated_by      uuid,
    CHECK (saving_high_nok >= saving_low_nok)
);
ALTER TABLE report_settings ENABLE ROW LEVEL SECURITY;
CREATE POLICY report_settings_tenant ON report_settings
    USING (organisation_id = current_organisation_id())
    WITH CHECK (organisation_id = current_organisation_id());

GRANT SELECT, INSERT, DELETE ON report_narrative, report_settings TO ${app_role};
GRANT UPDATE (markdown, updated_at, updated_by, updated_by_name) ON report_narrative TO ${app_role};
GRANT UPDATE (saving_low_nok, saving_high_nok, saving_source, updated_at, updated_by) ON report_settings TO ${app_role};
