-- Projects with outside funding (Stiftelsen Dam, Helsedirektoratet): what was granted, for whom, what it should
-- reach, and which activities and participants belong to it; the funder's final report (sluttrapport) is made from
-- them. A project names no one itself; its participants are links to persons, removed when a person is unlinked.

CREATE TABLE project (
    id              uuid PRIMARY KEY,
    organisation_id uuid        NOT NULL REFERENCES organisation (id),
    name            text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    funder          text        NOT NULL CHECK (length(funder) BETWEEN 1 AND 200),
    programme       text CHECK (length(programme) <= 200),
    project_lead    text CHECK (length(project_lead) <= 200),
    starts_on       date        NOT NULL,
    ends_on         date        NOT NULL,
    target_group    text CHECK (length(target_group) <= 2000),
    planned_reach   int CHECK (planned_reach BETWEEN 0 AND 1000000),
    -- the project's goals as the application states them, one per line
    goals           text[]      NOT NULL DEFAULT '{}',
    -- the final report's narrative sections, Markdown; rendered and sanitised when shown
    background_md   text CHECK (length(background_md) <= 20000),
    method_md       text CHECK (length(method_md) <= 20000),
    results_md      text CHECK (length(results_md) <= 20000),
    summary_md      text CHECK (length(summary_md) <= 20000),
    created_at      timestamptz NOT NULL DEFAULT now(),
    created_by      uuid,
    updated_at      timestamptz NOT NULL DEFAULT now(),
    updated_by      uuid,
    CHECK (ends_on >= starts_on)
);
CREATE INDEX project_organisation_idx ON project (organisation_id, starts_on DESC);
ALTER TABLE project ENABLE ROW LEVEL SECURITY;
CREATE POLICY project_tenant ON project
    USING (organisation_id = current_organisation_id())
    WITH CHECK (organisation_id = current_organisation_id());

-- the amount granted for one year, in whole øre
CREATE TABLE project_grant (
    project_id      uuid   NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    organisation_id uuid   NOT NULL REFERENCES organisation (id),
    year            int    NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    amount_ore      bigint NOT NULL CHECK (amount_ore >= 0),
    PRIMARY KEY (project_id, year)
);
ALTER TABLE project_grant ENABLE ROW LEVEL SECURITY;
CREATE POLICY project_grant_tenant ON project_grant
    USING (organisation_id = current_organisation_id())
    WITH CHECK (organisation_id = current_organisation_id());

CREATE TABLE project_activity (
    project_id      uuid NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    activity_id     uuid NOT NULL REFERENCES activity (id),
    organisation_id uuid NOT NULL REFERENCES organisation (id),
    PRIMARY KEY (project_id, activity_id)
);
CREATE INDEX project_activity_activity_idx ON project_activity (activity_id);
ALTER TABLE project_activity ENABLE ROW LEVEL SECURITY;
CREATE POLICY project_activity_tenant ON project_activity
    USING (organisation_id = current_organisation_id())
    WITH CHECK (organisation_id = current_organisation_id());

CREATE TABLE project_participant (
    project_id      uuid NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    person_id       uuid NOT NULL REFERENCES person (id),
    organisation_id uuid NOT NULL REFERENCES organisation (id),
    added_at        timestamptz NOT NULL DEFAULT now(),
    added_by        uuid,
    PRIMARY KEY (project_id, person_id)
);
CREATE INDEX project_participant_person_idx ON project_participant (person_id);
ALTER TABLE project_participant ENABLE ROW LEVEL SECURITY;
CREATE POLICY project_participant_tenant ON project_participant
    USING (organisation_id = current_organisation_id())
    WITH CHECK (organisation_id = current_organisation_id());

GRANT SELECT, INSERT, DELETE ON project, project_grant, project_activity, project_participant TO ${app_role};
-- the organisation and who created it stay as they were
GRANT UPDATE (name, funder, programme, project_lead, starts_on, ends_on, target_group, planned_reach, goals,
              background_md, method_md, results_md, summary_md, updated_at, updated_by) ON project TO ${app_role};
GRANT UPDATE (amount_ore) ON project_grant TO ${app_role};
