-- Leisure inclusion, «Fritid med bistand» (issue 18, seed 002): a catalogue of local clubs, the method's six steps
-- per participant, the municipal decision (vedtak om støttekontakt) with the hours used, the check-ins of the
-- follow-up, and equipment lent to participants. The facilitator («tilrettelegger») is a person of the register
-- with a role of that name, so the person role list grows by one. Every table is the organisation's, behind the
-- same tenant policy as the others (V13's form); nothing here is ever deleted by the application.

ALTER TABLE person_role DROP CONSTRAINT person_role_role_check;
ALTER TABLE person_role ADD CONSTRAINT person_role_role_check CHECK (role IN ('PARTICIPANT', 'RELATIVE', 'VOLUNTEER',
    'PROFESSIONAL', 'STUDENT', 'THERAPIST', 'GUEST', 'FACILITATOR'));

CREATE TABLE leisure_club (
    id                uuid PRIMARY KEY,
    organisation_id   uuid        NOT NULL REFERENCES organisation (id),
    name              text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    kind              text        NOT NULL CHECK (kind IN ('SPORT', 'OUTDOOR', 'MUSIC', 'CULTURE', 'FAITH',
                                                           'VOLUNTEERING', 'OTHER')),
    municipality      text        NOT NULL CHECK (length(municipality) BETWEEN 1 AND 100),
    address           text CHECK (length(address) <= 200),
    contact_person    text CHECK (length(contact_person) <= 200),
    contact_phone     text CHECK (length(contact_phone) <= 40),
    -- weekdays it meets ('MONDAY' ...), for the search, and the times in words
    meeting_days      text[]      NOT NULL DEFAULT '{}' CHECK (cardinality(meeting_days) <= 7),
    meeting_times     text CHECK (length(meeting_times) <= 200),
    cost_per_year_ore bigint CHECK (cost_per_year_ore >= 0),
    equipment_needed  text CHECK (length(equipment_needed) <= 500),
    accessibility     text CHECK (length(accessibility) <= 500),
    -- whether participants have been included here before, and how it went
    used_before       boolean     NOT NULL DEFAULT false,
    experience        text CHECK (length(experience) <= 1000),
    created_at        timestamptz NOT NULL DEFAULT now(),
    created_by        uuid,
    updated_at        timestamptz NOT NULL DEFAULT now(),
    updated_by        uuid
);
CREATE INDEX leisure_club_organisation_idx ON leisure_club (organisation_id, kind);

CREATE TABLE leisure_process (
    id              uuid PRIMARY KEY,
    organisation_id uuid        NOT NULL REFERENCES organisation (id),
    participant_id  uuid        NOT NULL REFERENCES person (id),
    started_on      date        NOT NULL,
    -- wishes and dreams added to those of the mapping (plan module), in the participant's words
    wishes          text CHECK (length(wishes) <= 1000),
    club_id         uuid REFERENCES leisure_club (id),
    facilitator_id  uuid REFERENCES person (id),
    -- the first day of the follow-up (step 6); the check-ins are due from it
    follow_up_from  date,
    outcome         text CHECK (outcome IN ('STILL_ACTIVE', 'WORK_OR_STUDIES', 'CHANGED_ACTIVITY', 'STOPPED')),
    outcome_note    text CHECK (length(outcome_note) <= 500),
    ended_on        date,
    created_at      timestamptz NOT NULL DEFAULT now(),
    created_by      uuid,
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CHECK ((outcome IS NULL) = (ended_on IS NULL)),
    CHECK (outcome <> 'STOPPED' OR outcome_note IS NOT NULL),
    CHECK (participant_id <> facilitator_id),
    -- the six-month rule, also here: «still active» only after six months of follow-up
    CHECK (outcome <> 'STILL_ACTIVE' OR (follow_up_from IS NOT NULL AND ended_on >= follow_up_from + interval '6 months'))
);
CREATE INDEX leisure_process_organisation_idx ON leisure_process (organisation_id, ended_on);
CREATE INDEX leisure_process_participant_idx ON leisure_process (participant_id);
-- one open process per participant
CREATE UNIQUE INDEX leisure_process_open_uq ON leisure_process (participant_id) WHERE ended_on IS NULL;

-- each time a step was taken (a step may be taken again), or skipped with a reason
CREATE TABLE leisure_step (
    id              uuid PRIMARY KEY,
    organisation_id uuid        NOT NULL REFERENCES organisation (id),
    process_id      uuid        NOT NULL REFERENCES leisure_process (id),
    step            text        NOT NULL CHECK (step IN ('INFORMATION_MEETING', 'WISHES', 'ACTIVITY_MAPPING',
                                                         'CHOICE', 'FACILITATOR', 'FOLLOW_UP')),
    done_on         date        NOT NULL,
    participants    text CHECK (length(participants) <= 300),
    note            text CHECK (length(note) <= 1000),
    skipped         boolean     NOT NULL DEFAULT false,
    CHECK (NOT skipped OR (note IS NOT NULL AND step <> 'FOLLOW_UP')),
    created_at      timestamptz NOT NULL DEFAULT now(),
    created_by      uuid
);
CREATE INDEX leisure_step_process_idx ON leisure_step (process_id, done_on);
CREATE INDEX leisure_step_organisation_idx ON leisure_step (organisation_id);

CREATE TABLE leisure_decision (
    id              uuid PRIMARY KEY,
    organisation_id uuid          NOT NULL REFERENCES organisation (id),
    process_id      uuid          NOT NULL REFERENCES leisure_process (id),
    reference       text          NOT NULL CHECK (length(reference) BETWEEN 1 AND 100),
    municipality    text          NOT NULL CHECK (length(municipality) BETWEEN 1 AND 100),
    form            text          NOT NULL CHECK (form IN ('INDIVIDUAL', 'ACTIVITY_GROUP', 'VOLUNTARY_ORGANISATION')),
    hours           numeric(5, 2) NOT NULL CHECK (hours > 0 AND hours <= 200),
    per             text          NOT NULL CHECK (per IN ('WEEK', 'MONTH')),
    valid_from      date          NOT NULL,
    valid_to        date          NOT NULL,
    created_at      timestamptz   NOT NULL DEFAULT now(),
    created_by      uuid,
    CHECK (valid_to >= valid_from)
);
CREATE INDEX leisure_decision_process_idx ON leisure_decision (process_id);
CREATE INDEX leisure_decision_organisation_idx ON leisure_decision (organisation_id, valid_to);

CREATE TABLE leisure_decision_hours (
    id              uuid PRIMARY KEY,
    organisation_id uuid          NOT NULL REFERENCES organisation (id),
    decision_id     uuid          NOT NULL REFERENCES leisure_decision (id),
    used_on         date          NOT NULL,
    hours           numeric(4, 2) NOT NULL CHECK (hours > 0 AND hours <= 24),
    created_at      timestamptz   NOT NULL DEFAULT now(),
    created_by      uuid
);
CREATE INDEX leisure_decision_hours_decision_idx ON leisure_decision_hours (decision_id, used_on);
CREATE INDEX leisure_decision_hours_organisation_idx ON leisure_decision_hours (organisation_id);

-- the follow-up's check-ins, once answered (by the participant on «Min side» or told to staff)
CREATE TABLE leisure_check_in (
    process_id        uuid        NOT NULL REFERENCES leisure_process (id),
    organisation_id   uuid        NOT NULL REFERENCES organisation (id),
    due               text        NOT NULL CHECK (due IN ('WEEK_2', 'MONTH_1', 'MONTH_3', 'MONTH_6', 'MONTH_12')),
    answered_on       date        NOT NULL,
    rating            int         NOT NULL CHECK (rating BETWEEN 0 AND 10),
    still_taking_part boolean     NOT NULL,
    valued_role       boolean     NOT NULL,
    by_participant    boolean     NOT NULL,
    created_at        timestamptz NOT NULL DEFAULT now(),
    created_by        uuid,
    PRIMARY KEY (process_id, due)
);
CREATE INDEX leisure_check_in_organisation_idx ON leisure_check_in (organisation_id);

CREATE TABLE leisure_equipment (
    id              uuid PRIMARY KEY,
    organisation_id uuid        NOT NULL REFERENCES organisation (id),
    -- the department that keeps it; loans count in its distributions
    department_id   uuid        NOT NULL REFERENCES department (id),
    name            text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    kind            text        NOT NULL CHECK (kind IN ('SPORT', 'OUTDOOR', 'MUSIC', 'PHOTO', 'CLOTHING', 'OTHER')),
    value_ore       bigint CHECK (value_ore >= 0),
    condition       text        NOT NULL CHECK (condition IN ('NEW', 'GOOD', 'WORN', 'DAMAGED')),
    stored_at       text CHECK (length(stored_at) <= 200),
    created_at      timestamptz NOT NULL DEFAULT now(),
    created_by      uuid,
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX leisure_equipment_organisation_idx ON leisure_equipment (organisation_id, department_id);

CREATE TABLE leisure_loan (
    id               uuid PRIMARY KEY,
    organisation_id  uuid        NOT NULL REFERENCES organisation (id),
    equipment_id     uuid        NOT NULL REFERENCES leisure_equipment (id),
    participant_id   uuid        NOT NULL REFERENCES person (id),
    lent_on          date        NOT NULL,
    expected_return  date        NOT NULL,
    returned_on      date,
    return_condition text CHECK (return_condition IN ('NEW', 'GOOD', 'WORN', 'DAMAGED')),
    created_at       timestamptz NOT NULL DEFAULT now(),
    created_by       uuid,
    CHECK (expected_return >= lent_on),
    CHECK (returned_on IS NULL OR returned_on >= lent_on),
    CHECK ((returned_on IS NULL) = (return_condition IS NULL))
);
-- an item is lent to one participant at a time
CREATE UNIQUE INDEX leisure_loan_open_uq ON leisure_loan (equipment_id) WHERE returned_on IS NULL;
CREATE INDEX leisure_loan_organisation_idx ON leisure_loan (organisation_id, lent_on);
CREATE INDEX leisure_loan_participant_idx ON leisure_loan (participant_id);

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['leisure_club', 'leisure_process', 'leisure_step', 'leisure_decision',
                             'leisure_decision_hours', 'leisure_check_in', 'leisure_equipment', 'leisure_loan']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY %I ON %I USING (organisation_id = (SELECT current_organisation_id())) '
                       'WITH CHECK (organisation_id = (SELECT current_organisation_id()))', t || '_tenant', t);
    END LOOP;
END
$$;

GRANT SELECT, INSERT, UPDATE ON leisure_club, leisure_process, leisure_equipment, leisure_loan TO ${app_role};
GRANT SELECT, INSERT ON leisure_step, leisure_decision, leisure_decision_hours, leisure_check_in TO ${app_role};
-- erasure removes the words about a person (notes of their steps)
GRANT UPDATE (participants, note) ON leisure_step TO ${app_role};
