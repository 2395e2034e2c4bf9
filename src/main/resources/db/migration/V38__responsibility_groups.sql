-- The responsibility group (ansvarsgruppe, issue 17, item 4): per person, its members (the person, a coordinator,
-- staff, partner organisations the person consents to share with, a relative the person chose), its meetings with
-- date, who came and the minutes (which the person reads on «Min side»), and the decisions (what, who, by when;
-- a decision may become an action in the person's plan). Minutes are encrypted like contact notes (Tink AEAD, the
-- key never reaches the database). Partners see none of these rows (they have the transition and checklist).

CREATE TABLE care_group (
    id              uuid PRIMARY KEY,
    organisation_id uuid        NOT NULL REFERENCES organisation (id),
    person_id       uuid        NOT NULL REFERENCES person (id),
    created_at      timestamptz NOT NULL DEFAULT now(),
    created_by      uuid
);
CREATE UNIQUE INDEX care_group_person_uq ON care_group (organisation_id, person_id);

CREATE TABLE care_group_member (
    id                      uuid PRIMARY KEY,
    organisation_id         uuid        NOT NULL REFERENCES organisation (id),
    group_id                uuid        NOT NULL REFERENCES care_group (id),
    kind                    text        NOT NULL CHECK (kind IN ('PERSON', 'COORDINATOR', 'STAFF', 'PARTNER', 'RELATIVE')),
    user_id                 uuid REFERENCES app_user (id),
    partner_organisation_id uuid REFERENCES partner_organisation (id),
    relative_id             uuid REFERENCES person (id),
    role                    text CHECK (length(role) <= 200),
    added_at                timestamptz NOT NULL DEFAULT now(),
    removed_at              timestamptz,
    CHECK ((kind IN ('COORDINATOR', 'STAFF')) = (user_id IS NOT NULL)),
    CHECK ((kind = 'PARTNER') = (partner_organisation_id IS NOT NULL)),
    CHECK ((kind = 'RELATIVE') = (relative_id IS NOT NULL))
);
-- one current membership per person, account, partner or relative
CREATE UNIQUE INDEX care_group_member_uq ON care_group_member
    (group_id, kind, coalesce(user_id, partner_organisation_id, relative_id, group_id)) WHERE removed_at IS NULL;
CREATE INDEX care_group_member_organisation_idx ON care_group_member (organisation_id, group_id);

CREATE TABLE care_meeting (
    id                uuid PRIMARY KEY,
    organisation_id   uuid        NOT NULL REFERENCES organisation (id),
    group_id          uuid        NOT NULL REFERENCES care_group (id),
    held_on           date        NOT NULL,
    minutes_encrypted bytea,
    created_at        timestamptz NOT NULL DEFAULT now(),
    created_by        uuid
);
CREATE INDEX care_meeting_group_idx ON care_meeting (organisation_id, group_id, held_on);

CREATE TABLE care_meeting_attendee (
    meeting_id      uuid NOT NULL REFERENCES care_meeting (id),
    member_id       uuid NOT NULL REFERENCES care_group_member (id),
    organisation_id uuid NOT NULL REFERENCES organisation (id),
    PRIMARY KEY (meeting_id, member_id)
);
CREATE INDEX care_meeting_attendee_organisation_idx ON care_meeting_attendee (organisation_id);

CREATE TABLE care_decision (
    id                    uuid PRIMARY KEY,
    organisation_id       uuid        NOT NULL REFERENCES organisation (id),
    meeting_id            uuid        NOT NULL REFERENCES care_meeting (id),
    what                  text        NOT NULL CHECK (length(what) BETWEEN 1 AND 500),
    responsible_member_id uuid REFERENCES care_group_member (id),
    due_on                date,
    -- the action in the person's plan it became, if any
    plan_action_id        uuid,
    created_at            timestamptz NOT NULL DEFAULT now(),
    created_by            uuid
);
CREATE INDEX care_decision_meeting_idx ON care_decision (organisation_id, meeting_id);

ALTER TABLE care_group ENABLE ROW LEVEL SECURITY;
CREATE POLICY care_group_tenant ON care_group
    USING (organisation_id = (SELECT current_organisation_id()))
    WITH CHECK (organisation_id = (SELECT current_organisation_id()));
CREATE POLICY care_group_partner ON care_group AS RESTRICTIVE USING ((SELECT current_partner_user_id()) IS NULL);
ALTER TABLE care_group_member ENABLE ROW LEVEL SECURITY;
CREATE POLICY care_group_member_tenant ON care_group_member
    USING (organisation_id = (SELECT current_organisation_id()))
    WITH CHECK (organisation_id = (SELECT current_organisation_id()));
CREATE POLICY care_group_member_partner ON care_group_member AS RESTRICTIVE USING ((SELECT current_partner_user_id()) IS NULL);
ALTER TABLE care_meeting ENABLE ROW LEVEL SECURITY;
CREATE POLICY care_meeting_tenant ON care_meeting
    USING (organisation_id = (SELECT current_organisation_id()))
    WITH CHECK (organisation_id = (SELECT current_organisation_id()));
CREATE POLICY care_meeting_partner ON care_meeting AS RESTRICTIVE USING ((SELECT current_partner_user_id()) IS NULL);
ALTER TABLE care_meeting_attendee ENABLE ROW LEVEL SECURITY;
CREATE POLICY care_meeting_attendee_tenant ON care_meeting_attendee
    USING (organisation_id = (SELECT current_organisation_id()))
    WITH CHECK (organisation_id = (SELECT current_organisation_id()));
CREATE POLICY care_meeting_attendee_partner ON care_meeting_attendee AS RESTRICTIVE USING ((SELECT current_partner_user_id()) IS NULL);
ALTER TABLE care_decision ENABLE ROW LEVEL SECURITY;
CREATE POLICY care_decision_tenant ON care_decision
    USING (organisation_id = (SELECT current_organisation_id()))
    WITH CHECK (organisation_id = (SELECT current_organisation_id()));
CREATE POLICY care_decision_partner ON care_decision AS RESTRICTIVE USING ((SELECT current_partner_user_id()) IS NULL);

GRANT SELECT, INSERT ON care_group, care_group_member, care_meeting, care_meeting_attendee, care_decision TO ${app_role};
GRANT UPDATE (removed_at) ON care_group_member TO ${app_role};
GRANT UPDATE (minutes_encrypted) ON care_meeting TO ${app_role};
GRANT UPDATE (what) ON care_decision TO ${app_role};
