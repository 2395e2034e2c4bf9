-- Activities: groups and events per department, their sessions, attendance (named and counted), distributions
-- handed out, and the calendar feeds. Counting rules live in ActivityCounts; the tables keep only facts.

-- The organisation's list of activity kinds. Built-in kinds carry a code (their name comes from the message
-- files, so it reads in the reader's language); kinds an organisation adds carry a name.
CREATE TABLE activity_kind (
    id              uuid PRIMARY KEY,
    organisation_id uuid NOT NULL REFERENCES organisation (id),
    code            text CHECK (code ~ '^[a-z_]{1,40}$'),
    name            text CHECK (length(name) BETWEEN 1 AND 100),
    position        int  NOT NULL DEFAULT 100,
    CHECK ((code IS NULL) <> (name IS NULL))
);
CREATE UNIQUE INDEX activity_kind_code_uq ON activity_kind (organisation_id, code) WHERE code IS NOT NULL;
CREATE UNIQUE INDEX activity_kind_name_uq ON activity_kind (organisation_id, lower(name)) WHERE name IS NOT NULL;
ALTER TABLE activity_kind ENABLE ROW LEVEL SECURITY;
CREATE POLICY activity_kind_tenant ON activity_kind
    USING (organisation_id = current_organisation_id())
    WITH CHECK (organisation_id = current_organisation_id());

CREATE TABLE activity (
    id              uuid PRIMARY KEY,
    organisation_id uuid        NOT NULL REFERENCES organisation (id),
    department_id   uuid        NOT NULL REFERENCES department (id),
    name            text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    format          text        NOT NULL CHECK (format IN ('GROUP', 'EVENT')),
    kind_id         uuid        NOT NULL REFERENCES activity_kind (id),
    start_date      date        NOT NULL,
    end_date        date,
    description     text CHECK (length(description) <= 4000),
    partners        text[]      NOT NULL DEFAULT '{}',
    low_threshold   boolean     NOT NULL DEFAULT false,
    archived_at     timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX activity_department_idx ON activity (department_id, start_date);
CREATE INDEX activity_organisation_idx ON activity (organisation_id, start_date);
ALTER TABLE activity ENABLE ROW LEVEL SECURITY;
CREATE POLICY activity_tenant ON activity
    USING (organisation_id = current_organisation_id())
    WITH CHECK (organisation_id = current_organisation_id());

-- Leaders are user accounts (staff or volunteers): a volunteer may take roll call in what they lead.
CREATE TABLE activity_leader (
    activity_id     uuid NOT NULL REFERENCES activity (id),
    user_id         uuid NOT NULL REFERENCES app_user (id),
    organisation_id uuid NOT NULL REFERENCES organisation (id),
    PRIMARY KEY (activity_id, user_id)
);
CREATE INDEX activity_leader_user_idx ON activity_leader (user_id);
ALTER TABLE activity_leader ENABLE ROW LEVEL SECURITY;
CREATE POLICY activity_leader_tenant ON activity_leader
    USING (organisation_id = current_organisation_id())
    WITH CHECK (organisation_id = current_organisation_id());

-- A session: one meeting of a group, or the event itself. Head-counts are per session: anonymous adults,
-- anonymous children, and guests (a mayor on a visit), never negative.
CREATE TABLE activity_session (
    id              uuid PRIMARY KEY,
    organisation_id uuid        NOT NULL REFERENCES organisation (id),
    activity_id     uuid        NOT NULL REFERENCES activity (id),
    date            date        NOT NULL,
    start_time      time,
    end_time        time,
    place           text CHECK (length(place) <= 200),
    adults          int         NOT NULL DEFAULT 0 CHECK (adults BETWEEN 0 AND 100000),
    children        int         NOT NULL DEFAULT 0 CHECK (children BETWEEN 0 AND 100000),
    guests          int         NOT NULL DEFAULT 0 CHECK (guests BETWEEN 0 AND 100000),
    cancelled_at    timestamptz,
    cancel_reason   text CHECK (length(cancel_reason) <= 500),
    created_at      timestamptz NOT NULL DEFAULT now(),
    CHECK (end_time IS NULL OR start_time IS NULL OR end_time > start_time)
);
-- one session per activity, day and start: a series made twice makes each session once
CREATE UNIQUE INDEX activity_session_uq ON activity_session (activity_id, date, coalesce(start_time, '00:00'));
CREATE INDEX activity_session_date_idx ON activity_session (organisation_id, date);
ALTER TABLE activity_session ENABLE ROW LEVEL SECURITY;
CREATE POLICY activity_session_tenant ON activity_session
    USING (organisation_id = current_organisation_id())
    WITH CHECK (organisation_id = current_organisation_id());

-- A named attendance: the primary key makes a roll-call toggle or a repeated PUT idempotent. It carries the
-- organisation too, so that counting under row-level security is an index-only scan, not a heap visit per row.
CREATE TABLE attendance (
    session_id      uuid        NOT NULL REFERENCES activity_session (id),
    person_id       uuid        NOT NULL REFERENCES person (id),
    organisation_id uuid        NOT NULL REFERENCES organisation (id),
    recorded_at     timestamptz NOT NULL DEFAULT now(),
    recorded_by     uuid,
    PRIMARY KEY (session_id, person_id) INCLUDE (organisation_id)
);
CREATE INDEX attendance_person_idx ON attendance (person_id);
ALTER TABLE attendance ENABLE ROW LEVEL SECURITY;
CREATE POLICY attendance_tenant ON attendance
    USING (organisation_id = current_organisation_id())
    WITH CHECK (organisation_id = current_organisation_id());

CREATE TABLE distribution (
    id              uuid PRIMARY KEY,
    organisation_id uuid        NOT NULL REFERENCES organisation (id),
    department_id   uuid        NOT NULL REFERENCES department (id),
    date            date        NOT NULL,
    kind            text        NOT NULL CHECK (kind IN ('GIFT_CARD', 'FOOD_BOX', 'CHRISTMAS_PRESENT', 'FOOD_DELIVERY', 'EQUIPMENT', 'OTHER')),
    count           int         NOT NULL CHECK (count BETWEEN 1 AND 100000),
    value_ore       bigint CHECK (value_ore BETWEEN 0 AND 100000000000),
    recipient_id    uuid REFERENCES person (id),
    activity_id     uuid REFERENCES activity (id),
    note            text CHECK (length(note) <= 500),
    created_by      uuid,
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX distribution_department_idx ON distribution (department_id, date);
CREATE INDEX distribution_organisation_idx ON distribution (organisation_id, date);
CREATE INDEX distribution_recipient_idx ON distribution (recipient_id) WHERE recipient_id IS NOT NULL;
ALTER TABLE distribution ENABLE ROW LEVEL SECURITY;
CREATE POLICY distribution_tenant ON distribution
    USING (organisation_id = current_organisation_id())
    WITH CHECK (organisation_id = current_organisation_id());

-- A department's iCal feed behind an unguessable address; only the SHA-256 of the token is kept.
CREATE TABLE calendar_feed (
    id              uuid PRIMARY KEY,
    organisation_id uuid        NOT NULL REFERENCES organisation (id),
    department_id   uuid        NOT NULL REFERENCES department (id),
    token_hash      text        NOT NULL UNIQUE,
    created_by      uuid,
    created_at      timestamptz NOT NULL DEFAULT now(),
    revoked_at      timestamptz
);
ALTER TABLE calendar_feed ENABLE ROW LEVEL SECURITY;
CREATE POLICY calendar_feed_tenant ON calendar_feed
    USING (organisation_id = current_organisation_id())
    WITH CHECK (organisation_id = current_organisation_id());

-- A calendar client knows only the token: this function, running as the owner, tells which organisation and
-- department a live token belongs to, and nothing else.
CREATE FUNCTION calendar_feed_lookup(p_token_hash text)
    RETURNS TABLE (organisation_id uuid, department_id uuid)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
AS $$
    SELECT organisation_id, department_id FROM calendar_feed WHERE token_hash = p_token_hash AND revoked_at IS NULL
$$;
REVOKE ALL ON FUNCTION calendar_feed_lookup(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION calendar_feed_lookup(text) TO ${app_role};

GRANT SELECT, INSERT, UPDATE ON activity_kind, activity, activity_session, distribution, calendar_feed TO ${app_role};
GRANT SELECT, INSERT, DELETE ON activity_leader, attendance TO ${app_role};
GRANT UPDATE (recorded_at, recorded_by) ON attendance TO ${app_role};
GRANT DELETE ON distribution TO ${app_role};

-- the kinds every organisation starts with
INSERT INTO activity_kind (id, organisation_id, code, position)
SELECT gen_random_uuid(), o.id, k.code, k.position
  FROM organisation o
 CROSS JOIN (VALUES ('thematic_group', 1), ('outdoors', 2), ('bonfire', 3), ('self_help', 4), ('social_event', 5),
                    ('seminar', 6), ('food_distribution', 7), ('sports', 8)) AS k(code, position);
