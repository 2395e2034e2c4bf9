-- Individual follow-up: the contact log (talks, calls, messages, visits with a person), who took part, and the
-- tallies where only the volume is recorded. A contact is voided with a reason, never deleted.

CREATE TABLE contact (
    id                uuid PRIMARY KEY,
    organisation_id   uuid        NOT NULL REFERENCES organisation (id),
    person_id         uuid        NOT NULL REFERENCES person (id),
    occurred_at       timestamptz NOT NULL,
    type              text        NOT NULL CHECK (type IN ('ONE_TO_ONE', 'FAMILY', 'PHONE', 'EMAIL', 'MESSAGE', 'HOME_VISIT',
                                                           'ESCORT', 'RESPONSIBILITY_GROUP', 'OTHER')),
    -- where an escort went; only for escorts, and always for them
    escort_kind       text CHECK (escort_kind IN ('NAV', 'DOCTOR', 'HOUSING', 'OTHER')),
    duration_minutes  int CHECK (duration_minutes BETWEEN 1 AND 1440),
    -- Tink AEAD ciphertext bound to the contact's id; the key never reaches the database
    note_encrypted    bytea,
    follow_up_on      date,
    follow_up_done_at timestamptz,
    follow_up_done_by uuid,
    created_at        timestamptz NOT NULL DEFAULT now(),
    created_by        uuid,
    updated_at        timestamptz NOT NULL DEFAULT now(),
    updated_by        uuid,
    voided_at         timestamptz,
    voided_by         uuid,
    void_reason       text CHECK (length(void_reason) <= 500),
    CHECK ((type = 'ESCORT') = (escort_kind IS NOT NULL)),
    CHECK ((voided_at IS NULL) = (void_reason IS NULL))
);
CREATE INDEX contact_organisation_time_idx ON contact (organisation_id, occurred_at DESC);
CREATE INDEX contact_person_time_idx ON contact (person_id, occurred_at DESC);
-- the open follow-ups, for the staff member's task list
CREATE INDEX contact_follow_up_open_idx ON contact (follow_up_on)
    WHERE follow_up_on IS NOT NULL AND follow_up_done_at IS NULL AND voided_at IS NULL;
ALTER TABLE contact ENABLE ROW LEVEL SECURITY;
CREATE POLICY contact_tenant ON contact
    USING (organisation_id = current_organisation_id())
    WITH CHECK (organisation_id = current_organisation_id());

-- the staff members (user accounts) who took part
CREATE TABLE contact_staff (
    contact_id      uuid NOT NULL REFERENCES contact (id),
    user_id         uuid NOT NULL REFERENCES app_user (id),
    organisation_id uuid NOT NULL REFERENCES organisation (id),
    PRIMARY KEY (contact_id, user_id)
);
CREATE INDEX contact_staff_user_idx ON contact_staff (user_id, contact_id);
ALTER TABLE contact_staff ENABLE ROW LEVEL SECURITY;
CREATE POLICY contact_staff_tenant ON contact_staff
    USING (organisation_id = current_organisation_id())
    WITH CHECK (organisation_id = current_organisation_id());

-- the relatives present, each with the participant's consent to involve them when they were added
CREATE TABLE contact_relative (
    contact_id      uuid NOT NULL REFERENCES contact (id),
    relative_id     uuid NOT NULL REFERENCES person (id),
    organisation_id uuid NOT NULL REFERENCES organisation (id),
    PRIMARY KEY (contact_id, relative_id)
);
CREATE INDEX contact_relative_relative_idx ON contact_relative (relative_id);
ALTER TABLE contact_relative ENABLE ROW LEVEL SECURITY;
CREATE POLICY contact_relative_tenant ON contact_relative
    USING (organisation_id = current_organisation_id())
    WITH CHECK (organisation_id = current_organisation_id());

-- volume only, no person: «37 telefonsamtaler denne uka» in one department
CREATE TABLE contact_tally (
    id              uuid PRIMARY KEY,
    organisation_id uuid        NOT NULL REFERENCES organisation (id),
    department_id   uuid        NOT NULL REFERENCES department (id),
    type            text        NOT NULL CHECK (type IN ('ONE_TO_ONE', 'FAMILY', 'PHONE', 'EMAIL', 'MESSAGE', 'HOME_VISIT',
                                                         'ESCORT', 'RESPONSIBILITY_GROUP', 'OTHER')),
    period_from     date        NOT NULL,
    period_to       date        NOT NULL,
    count           int         NOT NULL CHECK (count BETWEEN 1 AND 100000),
    created_at      timestamptz NOT NULL DEFAULT now(),
    created_by      uuid,
    voided_at       timestamptz,
    voided_by       uuid,
    void_reason     text CHECK (length(void_reason) <= 500),
    CHECK (period_to >= period_from),
    CHECK ((voided_at IS NULL) = (void_reason IS NULL))
);
CREATE INDEX contact_tally_department_idx ON contact_tally (organisation_id, department_id, period_from DESC);
ALTER TABLE contact_tally ENABLE ROW LEVEL SECURITY;
CREATE POLICY contact_tally_tenant ON contact_tally
    USING (organisation_id = current_organisation_id())
    WITH CHECK (organisation_id = current_organisation_id());

GRANT SELECT, INSERT ON contact, contact_tally TO ${app_role};
-- the participant, the organisation and who logged it stay as they were
GRANT UPDATE (occurred_at, type, escort_kind, duration_minutes, note_encrypted, follow_up_on, follow_up_done_at,
              follow_up_done_by, updated_at, updated_by, voided_at, voided_by, void_reason) ON contact TO ${app_role};
GRANT UPDATE (voided_at, voided_by, void_reason) ON contact_tally TO ${app_role};
GRANT SELECT, INSERT, DELETE ON contact_staff, contact_relative TO ${app_role};
