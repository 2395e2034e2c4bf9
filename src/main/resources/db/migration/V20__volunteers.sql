-- Volunteers (issue 16, seed 003: Blå Kors «Steg for steg» and its «Tidgivere»): a volunteer's profile and
-- screening, the participants who want a volunteer, the matches between them with every change of state, and
-- the meetings a volunteer logs. A volunteer is a person of the register (keyed by the person's id); the police
-- certificate itself is never stored, only that it was seen, when and by whom. Every table is the organisation's,
-- behind the same tenant policy as the others (V13's form).

-- how many years a police certificate counts from the day it was seen
CREATE TABLE volunteer_setting (
    organisation_id          uuid PRIMARY KEY REFERENCES organisation (id),
    police_certificate_years int  NOT NULL DEFAULT 3 CHECK (police_certificate_years BETWEEN 1 AND 10),
    updated_at               timestamptz NOT NULL DEFAULT now(),
    updated_by               uuid
);

CREATE TABLE volunteer_profile (
    person_id       uuid PRIMARY KEY REFERENCES person (id),
    organisation_id uuid        NOT NULL REFERENCES organisation (id),
    kind            text        NOT NULL CHECK (kind IN ('TIDGIVER', 'MEDVANDRER', 'LIKEPERSON', 'FAGFRIVILLIG')),
    -- ids of plan_interest, the organisation's list that the mapping uses
    interest_ids    uuid[]      NOT NULL DEFAULT '{}',
    -- ISO 639-1 codes
    languages       text[]      NOT NULL DEFAULT '{}' CHECK (cardinality(languages) <= 20),
    municipality    text CHECK (length(municipality) <= 100),
    area            text CHECK (length(area) <= 100),
    -- 'MONDAY:EVENING' and so on: a weekday and a part of the day
    availability    text[]      NOT NULL DEFAULT '{}' CHECK (cardinality(availability) <= 21),
    -- the life areas a fagfrivillig helps with (plan's LifeArea names)
    skill_areas     text[]      NOT NULL DEFAULT '{}',
    preferred_gender text CHECK (preferred_gender IN ('FEMALE', 'MALE', 'OTHER')),
    min_age         int CHECK (min_age BETWEEN 0 AND 120),
    max_age         int CHECK (max_age BETWEEN 0 AND 120),
    -- kinds of help the volunteer will not give (the wish kinds)
    wont_do         text[]      NOT NULL DEFAULT '{}',
    capacity        int         NOT NULL DEFAULT 1 CHECK (capacity BETWEEN 0 AND 20),
    presentation    text CHECK (length(presentation) <= 2000),
    created_at      timestamptz NOT NULL DEFAULT now(),
    created_by      uuid,
    updated_at      timestamptz NOT NULL DEFAULT now(),
    updated_by      uuid,
    CHECK (min_age IS NULL OR max_age IS NULL OR min_age <= max_age)
);
CREATE INDEX volunteer_profile_organisation_idx ON volunteer_profile (organisation_id);

-- one row per volunteer; a step is done when its date is set
CREATE TABLE volunteer_screening (
    person_id               uuid PRIMARY KEY REFERENCES person (id),
    organisation_id         uuid NOT NULL REFERENCES organisation (id),
    police_seen_on          date,
    police_seen_by          text CHECK (length(police_seen_by) <= 200),
    confidentiality_signed_on date,
    training_course         text CHECK (length(training_course) <= 200),
    training_on             date,
    interview_on            date,
    updated_at              timestamptz NOT NULL DEFAULT now(),
    updated_by              uuid,
    CHECK ((police_seen_on IS NULL) = (police_seen_by IS NULL)),
    CHECK (training_on IS NULL OR training_course IS NOT NULL)
);
CREATE INDEX volunteer_screening_organisation_idx ON volunteer_screening (organisation_id);

-- a participant who wants a volunteer, and what for; set by staff or by the participant on «Min side»
CREATE TABLE volunteer_wish (
    person_id       uuid PRIMARY KEY REFERENCES person (id),
    organisation_id uuid        NOT NULL REFERENCES organisation (id),
    wishes          text[]      NOT NULL DEFAULT '{}',
    wish_text       text CHECK (length(wish_text) <= 500),
    -- what the matcher compares with a volunteer's: languages (ISO 639-1), the area within the municipality,
    -- weekdays and parts of the day ('TUESDAY:EVENING')
    languages       text[]      NOT NULL DEFAULT '{}' CHECK (cardinality(languages) <= 20),
    area            text CHECK (length(area) <= 100),
    availability    text[]      NOT NULL DEFAULT '{}' CHECK (cardinality(availability) <= 21),
    waiting         boolean     NOT NULL DEFAULT true,
    set_by_participant boolean  NOT NULL DEFAULT false,
    updated_at      timestamptz NOT NULL DEFAULT now(),
    updated_by      uuid
);
CREATE INDEX volunteer_wish_waiting_idx ON volunteer_wish (organisation_id) WHERE waiting;

CREATE TABLE volunteer_match (
    id              uuid PRIMARY KEY,
    organisation_id uuid        NOT NULL REFERENCES organisation (id),
    participant_id  uuid        NOT NULL REFERENCES person (id),
    volunteer_id    uuid        NOT NULL REFERENCES person (id),
    help_kind       text        NOT NULL CHECK (help_kind IN ('COMPANY', 'WALK_OUTDOORS', 'LEISURE_ACTIVITY', 'FINANCES',
                                                              'JOB_SEARCH', 'PAPERWORK', 'LEGAL_ADVICE', 'OTHER')),
    state           text        NOT NULL CHECK (state IN ('PROPOSED', 'ACCEPTED_BY_PARTICIPANT', 'ACCEPTED_BY_VOLUNTEER',
                                                          'ACTIVE', 'PAUSED', 'ENDED')),
    end_reason      text CHECK (end_reason IN ('GOAL_REACHED', 'MOVED', 'DID_NOT_WORK', 'VOLUNTEER_STOPPED',
                                               'PARTICIPANT_ENDED')),
    -- the goals the participant chose to share with the volunteer, in the participant's words
    shared_goals    text CHECK (length(shared_goals) <= 1000),
    proposed_on     date        NOT NULL,
    proposed_by     uuid,
    participant_accepted_at timestamptz,
    volunteer_accepted_at   timestamptz,
    started_on      date,
    first_meeting_on date,
    ended_on        date,
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CHECK (participant_id <> volunteer_id),
    CHECK ((state = 'ENDED') = (ended_on IS NOT NULL)),
    CHECK (state <> 'ACTIVE' OR started_on IS NOT NULL)
);
CREATE INDEX volunteer_match_organisation_idx ON volunteer_match (organisation_id, state);
CREATE INDEX volunteer_match_volunteer_idx ON volunteer_match (volunteer_id);
CREATE INDEX volunteer_match_participant_idx ON volunteer_match (participant_id);
-- one open match per pair
CREATE UNIQUE INDEX volunteer_match_open_uq ON volunteer_match (participant_id, volunteer_id) WHERE state <> 'ENDED';

-- who changed a match's state, when, and (for an end) why
CREATE TABLE volunteer_match_event (
    id              uuid PRIMARY KEY,
    organisation_id uuid        NOT NULL REFERENCES organisation (id),
    match_id        uuid        NOT NULL REFERENCES volunteer_match (id),
    from_state      text,
    to_state        text        NOT NULL,
    end_reason      text,
    -- PARTICIPANT, VOLUNTEER or STAFF: on whose behalf
    acted_as        text        NOT NULL CHECK (acted_as IN ('PARTICIPANT', 'VOLUNTEER', 'STAFF')),
    at              timestamptz NOT NULL DEFAULT now(),
    by_user         uuid
);
CREATE INDEX volunteer_match_event_match_idx ON volunteer_match_event (match_id, at);

-- the coordinator's check-ins at 2 weeks, 6 weeks and 3 months after a match started, once done
CREATE TABLE volunteer_check_in (
    match_id        uuid        NOT NULL REFERENCES volunteer_match (id),
    organisation_id uuid        NOT NULL REFERENCES organisation (id),
    step            text        NOT NULL CHECK (step IN ('WEEK_2', 'WEEK_6', 'MONTH_3')),
    done_at         timestamptz NOT NULL DEFAULT now(),
    done_by         uuid,
    PRIMARY KEY (match_id, step)
);

CREATE TABLE volunteer_meeting (
    id              uuid PRIMARY KEY,
    organisation_id uuid          NOT NULL REFERENCES organisation (id),
    match_id        uuid          NOT NULL REFERENCES volunteer_match (id),
    met_on          date          NOT NULL,
    hours           numeric(4, 2) NOT NULL CHECK (hours > 0 AND hours <= 24),
    what            text          NOT NULL CHECK (what IN ('TALK', 'WALK', 'ACTIVITY', 'ERRAND', 'PAPERWORK',
                                                           'FINANCES', 'OTHER')),
    -- for the staff only; the volunteer's own words
    note            text CHECK (length(note) <= 1000),
    created_at      timestamptz   NOT NULL DEFAULT now(),
    created_by      uuid
);
CREATE INDEX volunteer_meeting_match_idx ON volunteer_meeting (match_id, met_on);
CREATE INDEX volunteer_meeting_organisation_idx ON volunteer_meeting (organisation_id, met_on);

ALTER TABLE volunteer_setting ENABLE ROW LEVEL SECURITY;
CREATE POLICY volunteer_setting_tenant ON volunteer_setting
    USING (organisation_id = (SELECT current_organisation_id()))
    WITH CHECK (organisation_id = (SELECT current_organisation_id()));
ALTER TABLE volunteer_profile ENABLE ROW LEVEL SECURITY;
CREATE POLICY volunteer_profile_tenant ON volunteer_profile
    USING (organisation_id = (SELECT current_organisation_id()))
    WITH CHECK (organisation_id = (SELECT current_organisation_id()));
ALTER TABLE volunteer_screening ENABLE ROW LEVEL SECURITY;
CREATE POLICY volunteer_screening_tenant ON volunteer_screening
    USING (organisation_id = (SELECT current_organisation_id()))
    WITH CHECK (organisation_id = (SELECT current_organisation_id()));
ALTER TABLE volunteer_wish ENABLE ROW LEVEL SECURITY;
CREATE POLICY volunteer_wish_tenant ON volunteer_wish
    USING (organisation_id = (SELECT current_organisation_id()))
    WITH CHECK (organisation_id = (SELECT current_organisation_id()));
ALTER TABLE volunteer_match ENABLE ROW LEVEL SECURITY;
CREATE POLICY volunteer_match_tenant ON volunteer_match
    USING (organisation_id = (SELECT current_organisation_id()))
    WITH CHECK (organisation_id = (SELECT current_organisation_id()));
ALTER TABLE volunteer_match_event ENABLE ROW LEVEL SECURITY;
CREATE POLICY volunteer_match_event_tenant ON volunteer_match_event
    USING (organisation_id = (SELECT current_organisation_id()))
    WITH CHECK (organisation_id = (SELECT current_organisation_id()));
ALTER TABLE volunteer_check_in ENABLE ROW LEVEL SECURITY;
CREATE POLICY volunteer_check_in_tenant ON volunteer_check_in
    USING (organisation_id = (SELECT current_organisation_id()))
    WITH CHECK (organisation_id = (SELECT current_organisation_id()));
ALTER TABLE volunteer_meeting ENABLE ROW LEVEL SECURITY;
CREATE POLICY volunteer_meeting_tenant ON volunteer_meeting
    USING (organisation_id = (SELECT current_organisation_id()))
    WITH CHECK (organisation_id = (SELECT current_organisation_id()));

-- erasure removes the profile, screening and wish, and the meetings' notes; matches stay as anonymous counts
GRANT SELECT, INSERT, UPDATE, DELETE ON volunteer_profile, volunteer_screening, volunteer_wish TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON volunteer_setting TO ${app_role};
GRANT SELECT, INSERT ON volunteer_match, volunteer_match_event, volunteer_check_in, volunteer_meeting TO ${app_role};
GRANT UPDATE (state, end_reason, shared_goals, participant_accepted_at, volunteer_accepted_at, started_on,
              first_meeting_on, ended_on, updated_at) ON volunteer_match TO ${app_role};
GRANT UPDATE (note) ON volunteer_meeting TO ${app_role};

-- sharing with one's matched volunteer is a consent purpose of its own
ALTER TABLE consent DROP CONSTRAINT consent_purpose_check;
ALTER TABLE consent ADD CONSTRAINT consent_purpose_check
    CHECK (purpose IN ('REGISTRATION', 'CONTACT_SMS', 'CONTACT_EMAIL', 'INVOLVE_RELATIVE', 'SHARE_WITH_PARTNER',
                       'STATISTICS', 'PHOTOS', 'SHARE_WITH_VOLUNTEER'));
