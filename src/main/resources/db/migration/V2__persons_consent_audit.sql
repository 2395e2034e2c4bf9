-- Persons, their roles, department memberships, relatives and purpose-bound consents; and the audit trail.

ALTER TABLE organisation
    ADD COLUMN national_id_enabled boolean NOT NULL DEFAULT false,
    ADD COLUMN retention_months    int     NOT NULL DEFAULT 24 CHECK (retention_months BETWEEN 1 AND 240);
GRANT UPDATE (national_id_enabled, retention_months) ON organisation TO ${app_role};

CREATE TABLE person (
    id                   uuid PRIMARY KEY,
    organisation_id      uuid        NOT NULL REFERENCES organisation (id),
    display_name         text        NOT NULL CHECK (length(display_name) BETWEEN 1 AND 100),
    full_name            text CHECK (length(full_name) <= 200),
    birth_year           int CHECK (birth_year BETWEEN 1900 AND 2100),
    birth_date           date,
    gender               text CHECK (gender IN ('FEMALE', 'MALE', 'OTHER', 'UNSPECIFIED')),
    phone                text CHECK (length(phone) <= 30),
    email                text CHECK (length(email) <= 254),
    municipality         text CHECK (length(municipality) <= 100),
    -- Tink AEAD ciphertexts; the key never reaches the database
    note_encrypted       bytea,
    national_id_encrypted bytea,
    -- keyed MAC of the national id number: exact-match search without storing the number in clear
    national_id_mac      text,
    active               boolean     NOT NULL DEFAULT true,
    deactivated_at       timestamptz,
    deactivation_reason  text CHECK (length(deactivation_reason) <= 500),
    erased_at            timestamptz,
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    last_activity_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX person_organisation_name_idx ON person (organisation_id, lower(display_name));
CREATE UNIQUE INDEX person_national_id_uq ON person (organisation_id, national_id_mac) WHERE national_id_mac IS NOT NULL;
ALTER TABLE person ENABLE ROW LEVEL SECURITY;
CREATE POLICY person_tenant ON person
    USING (organisation_id = current_organisation_id())
    WITH CHECK (organisation_id = current_organisation_id());

CREATE TABLE person_role (
    id              uuid PRIMARY KEY,
    organisation_id uuid NOT NULL REFERENCES organisation (id),
    person_id       uuid NOT NULL REFERENCES person (id),
    role            text NOT NULL CHECK (role IN ('PARTICIPANT', 'RELATIVE', 'VOLUNTEER', 'PROFESSIONAL', 'STUDENT', 'THERAPIST', 'GUEST')),
    from_date       date NOT NULL,
    to_date         date,
    CHECK (to_date IS NULL OR to_date >= from_date)
);
CREATE INDEX person_role_person_idx ON person_role (person_id);
ALTER TABLE person_role ENABLE ROW LEVEL SECURITY;
CREATE POLICY person_role_tenant ON person_role
    USING (organisation_id = current_organisation_id())
    WITH CHECK (organisation_id = current_organisation_id());

CREATE TABLE person_department (
    id              uuid PRIMARY KEY,
    organisation_id uuid NOT NULL REFERENCES organisation (id),
    person_id       uuid NOT NULL REFERENCES person (id),
    department_id   uuid NOT NULL REFERENCES department (id),
    from_date       date NOT NULL,
    to_date         date,
    CHECK (to_date IS NULL OR to_date >= from_date)
);
CREATE INDEX person_department_person_idx ON person_department (person_id);
CREATE INDEX person_department_department_idx ON person_department (department_id, person_id);
-- a department belongs to one organisation: tell the planner, or it multiplies the two filters' selectivities
CREATE STATISTICS person_department_department_organisation (dependencies) ON department_id, organisation_id FROM person_department;
ALTER TABLE person_department ENABLE ROW LEVEL SECURITY;
CREATE POLICY person_department_tenant ON person_department
    USING (organisation_id = current_organisation_id())
    WITH CHECK (organisation_id = current_organisation_id());

CREATE TABLE person_relation (
    id              uuid PRIMARY KEY,
    organisation_id uuid NOT NULL REFERENCES organisation (id),
    participant_id  uuid NOT NULL REFERENCES person (id),
    relative_id     uuid NOT NULL REFERENCES person (id),
    relation        text CHECK (length(relation) <= 100),
    UNIQUE (participant_id, relative_id),
    CHECK (participant_id <> relative_id)
);
ALTER TABLE person_relation ENABLE ROW LEVEL SECURITY;
CREATE POLICY person_relation_tenant ON person_relation
    USING (organisation_id = current_organisation_id())
    WITH CHECK (organisation_id = current_organisation_id());

CREATE TABLE consent (
    id               uuid PRIMARY KEY,
    organisation_id  uuid        NOT NULL REFERENCES organisation (id),
    person_id        uuid        NOT NULL REFERENCES person (id),
    purpose          text        NOT NULL CHECK (purpose IN ('REGISTRATION', 'CONTACT_SMS', 'CONTACT_EMAIL', 'INVOLVE_RELATIVE',
                                                             'SHARE_WITH_PARTNER', 'STATISTICS', 'PHOTOS')),
    -- the named relative (a person) or partner organisation the consent is about, where the purpose has one
    relative_id      uuid REFERENCES person (id),
    partner          text CHECK (length(partner) <= 200),
    given_at         timestamptz NOT NULL DEFAULT now(),
    given_by         uuid,
    method           text        NOT NULL CHECK (method IN ('VERBAL', 'SIGNED', 'SELF_SERVICE')),
    withdrawn_at     timestamptz,
    withdrawn_by     uuid,
    withdrawal_method text CHECK (withdrawal_method IN ('VERBAL', 'SIGNED', 'SELF_SERVICE'))
);
CREATE INDEX consent_person_idx ON consent (person_id, purpose);
-- one consent in force per purpose and relative or partner, so a single withdrawal always ends it
CREATE UNIQUE INDEX consent_in_force_uq ON consent (person_id, purpose, coalesce(relative_id::text, ''), lower(coalesce(partner, '')))
    WHERE withdrawn_at IS NULL;
ALTER TABLE consent ENABLE ROW LEVEL SECURITY;
CREATE POLICY consent_tenant ON consent
    USING (organisation_id = current_organisation_id())
    WITH CHECK (organisation_id = current_organisation_id());

-- A PARTICIPANT account is the person themself
ALTER TABLE app_user ADD COLUMN person_id uuid REFERENCES person (id);
GRANT UPDATE (person_id) ON app_user TO ${app_role};

GRANT SELECT, INSERT, UPDATE ON person TO ${app_role};
GRANT SELECT, INSERT, UPDATE, DELETE ON person_role, person_department, person_relation TO ${app_role};
-- consent history cannot be rewritten: only the withdrawal can be set
GRANT SELECT, INSERT ON consent TO ${app_role};
GRANT UPDATE (withdrawn_at, withdrawn_by, withdrawal_method) ON consent TO ${app_role};

-- The audit trail: append-only, and each row carries the hash of the one before it in its organisation, so that a
-- changed or removed row shows. The database computes the chain, under a per-organisation lock, so rows are
-- chained in commit order and the application cannot forge it. The app role may only INSERT and SELECT.
CREATE SEQUENCE audit_event_seq;
CREATE TABLE audit_event (
    seq             bigint      PRIMARY KEY,
    organisation_id uuid        NOT NULL REFERENCES organisation (id),
    at              timestamptz NOT NULL DEFAULT now(),
    actor_id        uuid,
    person_id       uuid,
    action          text        NOT NULL CHECK (length(action) <= 40),
    what            text        NOT NULL CHECK (length(what) <= 100),
    request_id      text CHECK (length(request_id) <= 100),
    client_address  text CHECK (length(client_address) <= 100),
    prev_hash       bytea       NOT NULL,
    hash            bytea       NOT NULL
);
CREATE INDEX audit_event_person_idx ON audit_event (organisation_id, person_id, at);
CREATE INDEX audit_event_chain_idx ON audit_event (organisation_id, seq);
CREATE INDEX audit_event_actor_idx ON audit_event (organisation_id, actor_id, at);
ALTER TABLE audit_event ENABLE ROW LEVEL SECURITY;
CREATE POLICY audit_event_tenant ON audit_event
    USING (organisation_id = current_organisation_id())
    WITH CHECK (organisation_id = current_organisation_id());

CREATE FUNCTION audit_event_content(e audit_event) RETURNS bytea
    LANGUAGE sql IMMUTABLE
AS $$
    SELECT convert_to(concat_ws('|', e.seq, e.organisation_id,
                                to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'),
                                coalesce(e.actor_id::text, '-'), coalesce(e.person_id::text, '-'), e.action, e.what,
                                coalesce(e.request_id, '-'), coalesce(e.client_address, '-')), 'UTF8')
$$;

CREATE FUNCTION audit_event_chain() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    previous bytea;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtextextended(NEW.organisation_id::text, 7));
    SELECT e.hash INTO previous FROM audit_event e
     WHERE e.organisation_id = NEW.organisation_id ORDER BY e.seq DESC LIMIT 1;
    NEW.seq := nextval('audit_event_seq');
    NEW.at := clock_timestamp();
    NEW.prev_hash := coalesce(previous, '\x'::bytea);
    NEW.hash := sha256(NEW.prev_hash || audit_event_content(NEW));
    RETURN NEW;
END $$;
CREATE TRIGGER audit_event_chain BEFORE INSERT ON audit_event FOR EACH ROW EXECUTE FUNCTION audit_event_chain();

GRANT SELECT, INSERT ON audit_event TO ${app_role};
GRANT EXECUTE ON FUNCTION audit_event_content(audit_event) TO ${app_role};
