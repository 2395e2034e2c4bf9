-- Transitions (issue 17, capability C10): aftercare that starts before a discharge or a release. A transition of a
-- person (from an institution or prison to the municipality), every move of its expected date with who and why,
-- the readiness checklist (the seeds' nine items and the organisation's own), and the alerts at 8, 4 and 1 weeks,
-- on the day, and for a first contact missing 7 days after. The institutions are the organisation's list, seeded
-- from reference/oslo-institutions.csv by the application (the file is not copied here). A checklist item's
-- responsible is a staff account, a partner organisation (helper `partner` adds the foreign key to its own table)
-- or the person. Every table is the organisation's, behind V13's tenant policy.

CREATE TABLE transition_institution (
    id              uuid PRIMARY KEY,
    organisation_id uuid        NOT NULL REFERENCES organisation (id),
    name            text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    type            text CHECK (length(type) <= 200),
    places          int CHECK (places BETWEEN 0 AND 10000),
    gender          text CHECK (gender IN ('K/M', 'K', 'M')),
    ownership       text CHECK (ownership IN ('K', 'P')),
    seeded          boolean     NOT NULL DEFAULT false,
    active          boolean     NOT NULL DEFAULT true,
    created_at      timestamptz NOT NULL DEFAULT now(),
    created_by      uuid
);
CREATE UNIQUE INDEX transition_institution_name_uq ON transition_institution (organisation_id, lower(name));

-- the organisation's own checklist items, added to every new transition after the nine of the seeds
CREATE TABLE transition_checklist_extra (
    id              uuid PRIMARY KEY,
    organisation_id uuid        NOT NULL REFERENCES organisation (id),
    label           text        NOT NULL CHECK (length(label) BETWEEN 1 AND 200),
    position        int         NOT NULL DEFAULT 0,
    active          boolean     NOT NULL DEFAULT true,
    created_at      timestamptz NOT NULL DEFAULT now(),
    created_by      uuid
);
CREATE UNIQUE INDEX transition_checklist_extra_label_uq ON transition_checklist_extra (organisation_id, lower(label))
    WHERE active;

CREATE TABLE transition (
    id              uuid PRIMARY KEY,
    organisation_id uuid        NOT NULL REFERENCES organisation (id),
    person_id       uuid        NOT NULL REFERENCES person (id),
    kind            text        NOT NULL CHECK (kind IN ('DISCHARGE_TSB', 'DISCHARGE_MENTAL_HEALTH', 'PRISON_RELEASE',
                                                         'MUNICIPAL_STAY_END', 'OTHER')),
    institution_id  uuid REFERENCES transition_institution (id),
    stay_started_on date,
    expected_on     date        NOT NULL,
    actual_on       date,
    municipality    text CHECK (length(municipality) <= 100),
    -- the person's own words about what matters most
    own_words       text CHECK (length(own_words) <= 2000),
    -- the staff member who holds the transition; alerts for items without a staff member go to them
    coordinator_id  uuid REFERENCES app_user (id),
    cancelled_at    timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    created_by      uuid,
    updated_at      timestamptz NOT NULL DEFAULT now(),
    updated_by      uuid,
    CHECK (stay_started_on IS NULL OR expected_on >= stay_started_on),
    CHECK (stay_started_on IS NULL OR actual_on IS NULL OR actual_on >= stay_started_on)
);
CREATE INDEX transition_organisation_expected_idx ON transition (organisation_id, expected_on) WHERE cancelled_at IS NULL;
CREATE INDEX transition_person_idx ON transition (person_id);

-- every move of the expected date: from, to, why, who and when
CREATE TABLE transition_date_move (
    id              uuid PRIMARY KEY,
    organisation_id uuid        NOT NULL REFERENCES organisation (id),
    transition_id   uuid        NOT NULL REFERENCES transition (id),
    from_date       date        NOT NULL,
    to_date         date        NOT NULL,
    reason          text        NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
    moved_at        timestamptz NOT NULL DEFAULT now(),
    moved_by        uuid
);
CREATE INDEX transition_date_move_transition_idx ON transition_date_move (transition_id, moved_at);

CREATE TABLE transition_checklist_item (
    id              uuid PRIMARY KEY,
    organisation_id uuid        NOT NULL REFERENCES organisation (id),
    transition_id   uuid        NOT NULL REFERENCES transition (id),
    code            text        NOT NULL CHECK (code IN ('HOUSING', 'INCOME', 'GP', 'MUNICIPAL_FOLLOWUP', 'ACTIVITY',
                                                         'NETWORK', 'MEDICATION', 'DEBT_LEGAL', 'INDIVIDUAL_PLAN',
                                                         'EXTRA')),
    extra_id        uuid REFERENCES transition_checklist_extra (id),
    label           text CHECK (length(label) <= 200),
    position        int         NOT NULL DEFAULT 0,
    status          text        NOT NULL DEFAULT 'NOT_STARTED'
                                CHECK (status IN ('NOT_STARTED', 'IN_PROGRESS', 'IN_PLACE', 'NOT_NEEDED')),
    responsible_kind text CHECK (responsible_kind IN ('STAFF', 'PARTNER', 'PERSON')),
    responsible_account_id uuid REFERENCES app_user (id),
    -- a partner organisation; helper `partner` adds the foreign key to its table in its own migration
    responsible_partner_org uuid,
    due_on          date,
    note            text CHECK (length(note) <= 1000),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    updated_by      uuid,
    updated_as      text CHECK (updated_as IN ('STAFF', 'PARTNER', 'PERSON')),
    CHECK ((code = 'EXTRA') = (extra_id IS NOT NULL AND label IS NOT NULL)),
    CHECK ((responsible_kind = 'STAFF') = (responsible_account_id IS NOT NULL)),
    CHECK ((responsible_kind = 'PARTNER') = (responsible_partner_org IS NOT NULL))
);
CREATE UNIQUE INDEX transition_checklist_item_code_uq ON transition_checklist_item (transition_id, code) WHERE code <> 'EXTRA';
CREATE UNIQUE INDEX transition_checklist_item_extra_uq ON transition_checklist_item (transition_id, extra_id) WHERE extra_id IS NOT NULL;
CREATE INDEX transition_checklist_item_responsible_idx ON transition_checklist_item (responsible_account_id)
    WHERE responsible_account_id IS NOT NULL;
CREATE INDEX transition_checklist_item_partner_idx ON transition_checklist_item (responsible_partner_org)
    WHERE responsible_partner_org IS NOT NULL;
CREATE INDEX transition_checklist_item_organisation_idx ON transition_checklist_item (organisation_id);

-- every change of an item's status, on whose behalf and on which day (Oslo's, from the application's clock): the
-- figure «housing in place on the day» reads the status an item had on the transition's date
CREATE TABLE transition_item_event (
    id              uuid PRIMARY KEY,
    organisation_id uuid        NOT NULL REFERENCES organisation (id),
    item_id         uuid        NOT NULL REFERENCES transition_checklist_item (id),
    status          text        NOT NULL CHECK (status IN ('NOT_STARTED', 'IN_PROGRESS', 'IN_PLACE', 'NOT_NEEDED')),
    on_date         date        NOT NULL,
    at              timestamptz NOT NULL,
    by_user         uuid,
    acted_as        text        NOT NULL CHECK (acted_as IN ('STAFF', 'PARTNER', 'PERSON'))
);
CREATE INDEX transition_item_event_item_idx ON transition_item_event (item_id, at);
CREATE INDEX transition_item_event_organisation_idx ON transition_item_event (organisation_id);

-- an alert to one staff member for one step of one expected (or actual) date; the unique key makes a second run
-- of the daily job, or a second node, create nothing. A moved date closes the open alerts of the old date.
CREATE TABLE transition_alert (
    id              uuid PRIMARY KEY,
    organisation_id uuid        NOT NULL REFERENCES organisation (id),
    transition_id   uuid        NOT NULL REFERENCES transition (id),
    step            text        NOT NULL CHECK (step IN ('WEEKS_8', 'WEEKS_4', 'WEEK_1', 'DAY', 'NO_CONTACT')),
    target_date     date        NOT NULL,
    recipient_id    uuid        NOT NULL REFERENCES app_user (id),
    -- the checklist items not in place when the alert was made
    open_items      uuid[]      NOT NULL DEFAULT '{}',
    created_on      date        NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    emailed_at      timestamptz,
    closed_at       timestamptz,
    closed_reason   text CHECK (closed_reason IN ('DONE', 'MOVED', 'READY', 'NEXT')),
    CHECK ((closed_at IS NULL) = (closed_reason IS NULL)),
    UNIQUE (transition_id, step, target_date, recipient_id)
);
CREATE INDEX transition_alert_recipient_open_idx ON transition_alert (recipient_id) WHERE closed_at IS NULL;
CREATE INDEX transition_alert_organisation_idx ON transition_alert (organisation_id, created_on);

ALTER TABLE transition_institution ENABLE ROW LEVEL SECURITY;
CREATE POLICY transition_institution_tenant ON transition_institution
    USING (organisation_id = (SELECT current_organisation_id()))
    WITH CHECK (organisation_id = (SELECT current_organisation_id()));
ALTER TABLE transition_checklist_extra ENABLE ROW LEVEL SECURITY;
CREATE POLICY transition_checklist_extra_tenant ON transition_checklist_extra
    USING (organisation_id = (SELECT current_organisation_id()))
    WITH CHECK (organisation_id = (SELECT current_organisation_id()));
ALTER TABLE transition ENABLE ROW LEVEL SECURITY;
CREATE POLICY transition_tenant ON transition
    USING (organisation_id = (SELECT current_organisation_id()))
    WITH CHECK (organisation_id = (SELECT current_organisation_id()));
ALTER TABLE transition_date_move ENABLE ROW LEVEL SECURITY;
CREATE POLICY transition_date_move_tenant ON transition_date_move
    USING (organisation_id = (SELECT current_organisation_id()))
    WITH CHECK (organisation_id = (SELECT current_organisation_id()));
ALTER TABLE transition_checklist_item ENABLE ROW LEVEL SECURITY;
CREATE POLICY transition_checklist_item_tenant ON transition_checklist_item
    USING (organisation_id = (SELECT current_organisation_id()))
    WITH CHECK (organisation_id = (SELECT current_organisation_id()));
ALTER TABLE transition_item_event ENABLE ROW LEVEL SECURITY;
CREATE POLICY transition_item_event_tenant ON transition_item_event
    USING (organisation_id = (SELECT current_organisation_id()))
    WITH CHECK (organisation_id = (SELECT current_organisation_id()));
ALTER TABLE transition_alert ENABLE ROW LEVEL SECURITY;
CREATE POLICY transition_alert_tenant ON transition_alert
    USING (organisation_id = (SELECT current_organisation_id()))
    WITH CHECK (organisation_id = (SELECT current_organisation_id()));

GRANT SELECT, INSERT, UPDATE ON transition_institution, transition_checklist_extra, transition,
    transition_checklist_item, transition_alert TO ${app_role};
GRANT SELECT, INSERT ON transition_date_move, transition_item_event TO ${app_role};
-- erasure blanks the reasons of date moves
GRANT UPDATE (reason) ON transition_date_move TO ${app_role};
