-- Mapping conversations and the participant's own plan: goals (with sub-goals), actions, evaluations, the
-- participant's proposals, and every change to the plan as history (who, when, before and after).

-- the organisation's list of interests; new ones are added as mappings name them
CREATE TABLE plan_interest (
    id              uuid PRIMARY KEY,
    organisation_id uuid        NOT NULL REFERENCES organisation (id),
    name            text        NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX plan_interest_name_idx ON plan_interest (organisation_id, lower(name));
ALTER TABLE plan_interest ENABLE ROW LEVEL SECURITY;
CREATE POLICY plan_interest_tenant ON plan_interest
    USING (organisation_id = current_organisation_id())
    WITH CHECK (organisation_id = current_organisation_id());

-- one dated mapping conversation with a participant
CREATE TABLE plan_mapping (
    id              uuid PRIMARY KEY,
    organisation_id uuid        NOT NULL REFERENCES organisation (id),
    person_id       uuid        NOT NULL REFERENCES person (id),
    mapped_on       date        NOT NULL,
    dreams          text CHECK (length(dreams) <= 2000),
    strengths       text CHECK (length(strengths) <= 2000),
    challenges      text CHECK (length(challenges) <= 2000),
    created_at      timestamptz NOT NULL DEFAULT now(),
    created_by      uuid
);
CREATE INDEX plan_mapping_person_idx ON plan_mapping (person_id, mapped_on DESC);
ALTER TABLE plan_mapping ENABLE ROW LEVEL SECURITY;
CREATE POLICY plan_mapping_tenant ON plan_mapping
    USING (organisation_id = current_organisation_id())
    WITH CHECK (organisation_id = current_organisation_id());

-- the participant's own rating (1-10) and words per life area; an area not talked about has no row
CREATE TABLE plan_mapping_area (
    mapping_id      uuid NOT NULL REFERENCES plan_mapping (id),
    organisation_id uuid NOT NULL REFERENCES organisation (id),
    life_area       text NOT NULL CHECK (life_area IN ('HOUSING', 'ECONOMY', 'WORK_EDUCATION', 'NETWORK', 'PHYSICAL_HEALTH',
                                                       'MENTAL_HEALTH', 'SUBSTANCE_USE', 'LEISURE', 'CHILDREN_FAMILY', 'LEGAL')),
    rating          int CHECK (rating BETWEEN 1 AND 10),
    own_words       text CHECK (length(own_words) <= 1000),
    PRIMARY KEY (mapping_id, life_area),
    CHECK (rating IS NOT NULL OR own_words IS NOT NULL)
);
ALTER TABLE plan_mapping_area ENABLE ROW LEVEL SECURITY;
CREATE POLICY plan_mapping_area_tenant ON plan_mapping_area
    USING (organisation_id = current_organisation_id())
    WITH CHECK (organisation_id = current_organisation_id());

CREATE TABLE plan_mapping_interest (
    mapping_id      uuid NOT NULL REFERENCES plan_mapping (id),
    interest_id     uuid NOT NULL REFERENCES plan_interest (id),
    organisation_id uuid NOT NULL REFERENCES organisation (id),
    PRIMARY KEY (mapping_id, interest_id)
);
ALTER TABLE plan_mapping_interest ENABLE ROW LEVEL SECURITY;
CREATE POLICY plan_mapping_interest_tenant ON plan_mapping_interest
    USING (organisation_id = current_organisation_id())
    WITH CHECK (organisation_id = current_organisation_id());

-- a goal in the participant's own words; a sub-goal has the main goal as parent (one level)
CREATE TABLE plan_goal (
    id                 uuid PRIMARY KEY,
    organisation_id    uuid        NOT NULL REFERENCES organisation (id),
    person_id          uuid        NOT NULL REFERENCES person (id),
    parent_id          uuid REFERENCES plan_goal (id),
    life_area          text        NOT NULL CHECK (life_area IN ('HOUSING', 'ECONOMY', 'WORK_EDUCATION', 'NETWORK', 'PHYSICAL_HEALTH',
                                                                'MENTAL_HEALTH', 'SUBSTANCE_USE', 'LEISURE', 'CHILDREN_FAMILY', 'LEGAL')),
    text               text        NOT NULL CHECK (length(text) BETWEEN 1 AND 500),
    status             text        NOT NULL CHECK (status IN ('NOT_STARTED', 'IN_PROGRESS', 'REACHED', 'CHANGED', 'CLOSED')),
    next_evaluation_on date,
    created_at         timestamptz NOT NULL DEFAULT now(),
    created_by         uuid,
    updated_at         timestamptz NOT NULL DEFAULT now(),
    updated_by         uuid
);
CREATE INDEX plan_goal_person_idx ON plan_goal (person_id, created_at);
CREATE INDEX plan_goal_evaluation_idx ON plan_goal (next_evaluation_on) WHERE next_evaluation_on IS NOT NULL;
ALTER TABLE plan_goal ENABLE ROW LEVEL SECURITY;
CREATE POLICY plan_goal_tenant ON plan_goal
    USING (organisation_id = current_organisation_id())
    WITH CHECK (organisation_id = current_organisation_id());

-- an action towards a goal or sub-goal, with who is responsible: a staff member by account, others by name
CREATE TABLE plan_action (
    id                   uuid PRIMARY KEY,
    organisation_id      uuid        NOT NULL REFERENCES organisation (id),
    person_id            uuid        NOT NULL REFERENCES person (id),
    goal_id              uuid        NOT NULL REFERENCES plan_goal (id),
    text                 text        NOT NULL CHECK (length(text) BETWEEN 1 AND 500),
    responsible_kind     text        NOT NULL CHECK (responsible_kind IN ('PARTICIPANT', 'STAFF', 'VOLUNTEER', 'RELATIVE', 'PARTNER')),
    responsible_user_id  uuid REFERENCES app_user (id),
    responsible_name     text CHECK (length(responsible_name) <= 120),
    target_date          date,
    status               text        NOT NULL CHECK (status IN ('NOT_STARTED', 'IN_PROGRESS', 'REACHED', 'CHANGED', 'CLOSED')),
    created_at           timestamptz NOT NULL DEFAULT now(),
    created_by           uuid,
    updated_at           timestamptz NOT NULL DEFAULT now(),
    updated_by           uuid,
    CHECK ((responsible_kind = 'STAFF') = (responsible_user_id IS NOT NULL))
);
CREATE INDEX plan_action_person_idx ON plan_action (person_id);
CREATE INDEX plan_action_goal_idx ON plan_action (goal_id);
CREATE INDEX plan_action_due_idx ON plan_action (target_date)
    WHERE target_date IS NOT NULL AND status NOT IN ('REACHED', 'CLOSED');
ALTER TABLE plan_action ENABLE ROW LEVEL SECURITY;
CREATE POLICY plan_action_tenant ON plan_action
    USING (organisation_id = current_organisation_id())
    WITH CHECK (organisation_id = current_organisation_id());

CREATE TABLE plan_evaluation (
    id              uuid PRIMARY KEY,
    organisation_id uuid        NOT NULL REFERENCES organisation (id),
    person_id       uuid        NOT NULL REFERENCES person (id),
    goal_id         uuid        NOT NULL REFERENCES plan_goal (id),
    evaluated_on    date        NOT NULL,
    what_happened   text        NOT NULL CHECK (length(what_happened) BETWEEN 1 AND 2000),
    next_step       text CHECK (length(next_step) <= 1000),
    created_at      timestamptz NOT NULL DEFAULT now(),
    created_by      uuid
);
CREATE INDEX plan_evaluation_goal_idx ON plan_evaluation (goal_id, evaluated_on DESC);
ALTER TABLE plan_evaluation ENABLE ROW LEVEL SECURITY;
CREATE POLICY plan_evaluation_tenant ON plan_evaluation
    USING (organisation_id = current_organisation_id())
    WITH CHECK (organisation_id = current_organisation_id());

-- the participant's proposal of a new goal or a change to one; the plan changes only when a guide accepts it
CREATE TABLE plan_proposal (
    id               uuid PRIMARY KEY,
    organisation_id  uuid        NOT NULL REFERENCES organisation (id),
    person_id        uuid        NOT NULL REFERENCES person (id),
    goal_id          uuid REFERENCES plan_goal (id),
    life_area        text        NOT NULL CHECK (life_area IN ('HOUSING', 'ECONOMY', 'WORK_EDUCATION', 'NETWORK', 'PHYSICAL_HEALTH',
                                                              'MENTAL_HEALTH', 'SUBSTANCE_USE', 'LEISURE', 'CHILDREN_FAMILY', 'LEGAL')),
    text             text        NOT NULL CHECK (length(text) BETWEEN 1 AND 500),
    status           text        NOT NULL CHECK (status IN ('OPEN', 'ACCEPTED', 'REJECTED')),
    proposed_at      timestamptz NOT NULL DEFAULT now(),
    proposed_by      uuid,
    decided_at       timestamptz,
    decided_by       uuid,
    decision_comment text CHECK (length(decision_comment) <= 1000),
    CHECK ((status = 'OPEN') = (decided_at IS NULL))
);
CREATE INDEX plan_proposal_person_idx ON plan_proposal (person_id, proposed_at DESC);
ALTER TABLE plan_proposal ENABLE ROW LEVEL SECURITY;
CREATE POLICY plan_proposal_tenant ON plan_proposal
    USING (organisation_id = current_organisation_id())
    WITH CHECK (organisation_id = current_organisation_id());

-- every change to a plan, written in the same transaction as the change; append-only
CREATE TABLE plan_change (
    id              uuid PRIMARY KEY,
    organisation_id uuid        NOT NULL REFERENCES organisation (id),
    person_id       uuid        NOT NULL REFERENCES person (id),
    at              timestamptz NOT NULL DEFAULT now(),
    actor_id        uuid,
    entity          text        NOT NULL CHECK (entity IN ('GOAL', 'ACTION', 'EVALUATION', 'PROPOSAL')),
    entity_id       uuid        NOT NULL,
    field_group     text        NOT NULL CHECK (length(field_group) <= 40),
    before          jsonb,
    after           jsonb
);
CREATE INDEX plan_change_person_idx ON plan_change (person_id, at DESC);
ALTER TABLE plan_change ENABLE ROW LEVEL SECURITY;
CREATE POLICY plan_change_tenant ON plan_change
    USING (organisation_id = current_organisation_id())
    WITH CHECK (organisation_id = current_organisation_id());

GRANT SELECT, INSERT ON plan_interest, plan_mapping, plan_mapping_area, plan_mapping_interest, plan_goal, plan_action,
    plan_evaluation, plan_proposal, plan_change TO ${app_role};
-- whose a record is, and who made it, stay as they were
GRANT UPDATE (life_area, text, status, next_evaluation_on, updated_at, updated_by) ON plan_goal TO ${app_role};
GRANT UPDATE (text, responsible_kind, responsible_user_id, responsible_name, target_date, status, updated_at,
              updated_by) ON plan_action TO ${app_role};
GRANT UPDATE (status, decided_at, decided_by, decision_comment) ON plan_proposal TO ${app_role};
GRANT UPDATE (text) ON plan_proposal TO ${app_role};
-- erasure: the participant's own words go, the counts stay
GRANT UPDATE (dreams, strengths, challenges) ON plan_mapping TO ${app_role};
GRANT UPDATE (own_words) ON plan_mapping_area TO ${app_role};
GRANT UPDATE (what_happened, next_step) ON plan_evaluation TO ${app_role};
GRANT UPDATE (before, after) ON plan_change TO ${app_role};
