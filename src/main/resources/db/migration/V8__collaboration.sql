-- The collaboration and governance register: councils the organisation sits in, user offices, meetings with
-- specialist or municipal services, seminars, co-organised events, political meetings, board meetings and the annual
-- meeting. Organisation records, not personal data: no person is named, so a wrong record is deleted outright.
--
-- One table for every kind; which columns a kind uses (and needs) is the application's rule, the checks below are
-- the second wall:
--   COUNCIL             title = the body (Brukerråd, KPU), partner = the institution or municipality, role,
--                       starts_on .. ends_on (open while ongoing)
--   USER_OFFICE         title = where, starts_on = since, ends_on = until (open while ongoing)
--   SERVICE_MEETING     title = the kind of meeting (TSB før-møte), partner, starts_on = date, participants
--   SEMINAR             title, partner, starts_on = date, participants
--   CO_ORGANISED_EVENT  title (Verdens overdosedag), partner = the partners, role, starts_on = date, participants
--   POLITICAL_MEETING   partner = the party or body, title = the topic, starts_on = date
--   BOARD_MEETING       starts_on = date
--   ANNUAL_MEETING      starts_on = date

CREATE TABLE collaboration_record (
    id              uuid PRIMARY KEY,
    organisation_id uuid        NOT NULL REFERENCES organisation (id),
    department_id   uuid REFERENCES department (id),
    kind            text        NOT NULL CHECK (kind IN ('COUNCIL', 'USER_OFFICE', 'SERVICE_MEETING', 'SEMINAR',
                                                         'CO_ORGANISED_EVENT', 'POLITICAL_MEETING', 'BOARD_MEETING',
                                                         'ANNUAL_MEETING')),
    title           text CHECK (length(title) <= 200),
    partner         text CHECK (length(partner) <= 300),
    role            text CHECK (length(role) <= 200),
    starts_on       date        NOT NULL,
    ends_on         date,
    participants    int CHECK (participants BETWEEN 0 AND 100000),
    note            text CHECK (length(note) <= 2000),
    created_at      timestamptz NOT NULL DEFAULT now(),
    created_by      uuid,
    updated_at      timestamptz NOT NULL DEFAULT now(),
    updated_by      uuid,
    CHECK (ends_on IS NULL OR ends_on >= starts_on),
    -- only councils and user offices span a period
    CHECK (ends_on IS NULL OR kind IN ('COUNCIL', 'USER_OFFICE'))
);
-- the year's list and the report's summary: by organisation and date
CREATE INDEX collaboration_record_time_idx ON collaboration_record (organisation_id, starts_on);
ALTER TABLE collaboration_record ENABLE ROW LEVEL SECURITY;
CREATE POLICY collaboration_record_tenant ON collaboration_record
    USING (organisation_id = current_organisation_id())
    WITH CHECK (organisation_id = current_organisation_id());

GRANT SELECT, INSERT, DELETE ON collaboration_record TO ${app_role};
-- the organisation, the kind and who created it stay as they were
GRANT UPDATE (department_id, title, partner, role, starts_on, ends_on, participants, note, updated_at, updated_by)
    ON collaboration_record TO ${app_role};
