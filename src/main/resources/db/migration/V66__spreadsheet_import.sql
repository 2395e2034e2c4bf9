-- Issue 20, item 2: organisations load years of spreadsheets (persons, attendance, contacts, tallies). An uploaded
-- file waits here while its columns are mapped and its dry run is read; the real import is a batch that lists what
-- it made, so the same file twice makes nothing twice and a whole import can be undone within 24 hours.

-- The uploaded file, until it is imported (then its content is removed) or a day has passed.
CREATE TABLE import_file (
    id              uuid PRIMARY KEY,
    organisation_id uuid        NOT NULL REFERENCES organisation (id),
    uploaded_by     uuid,
    file_name       text        NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
    sha256          text        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    size_bytes      int         NOT NULL CHECK (size_bytes BETWEEN 1 AND 52428800),
    content         bytea,
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX import_file_organisation_idx ON import_file (organisation_id, created_at DESC);
ALTER TABLE import_file ENABLE ROW LEVEL SECURITY;
CREATE POLICY import_file_tenant ON import_file
    USING (organisation_id = (SELECT current_organisation_id()))
    WITH CHECK (organisation_id = (SELECT current_organisation_id()));
GRANT SELECT, INSERT, DELETE ON import_file TO ${app_role};
GRANT UPDATE (content) ON import_file TO ${app_role};

-- The organisation's saved mapping per kind of file: target field -> column heading.
CREATE TABLE import_mapping (
    organisation_id uuid        NOT NULL REFERENCES organisation (id),
    kind            text        NOT NULL CHECK (kind IN ('PERSONS', 'ATTENDANCE', 'CONTACTS', 'TALLIES')),
    columns         jsonb       NOT NULL,
    updated_at      timestamptz NOT NULL DEFAULT now(),
    updated_by      uuid,
    PRIMARY KEY (organisation_id, kind)
);
ALTER TABLE import_mapping ENABLE ROW LEVEL SECURITY;
CREATE POLICY import_mapping_tenant ON import_mapping
    USING (organisation_id = (SELECT current_organisation_id()))
    WITH CHECK (organisation_id = (SELECT current_organisation_id()));
GRANT SELECT, INSERT, UPDATE ON import_mapping TO ${app_role};

-- One real import of one file: who, when, which file (name and hash), what it counted, and whether it was undone.
CREATE TABLE import_batch (
    id              uuid PRIMARY KEY,
    organisation_id uuid        NOT NULL REFERENCES organisation (id),
    kind            text        NOT NULL CHECK (kind IN ('PERSONS', 'ATTENDANCE', 'CONTACTS', 'TALLIES')),
    file_name       text        NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
    sha256          text        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    rows_total      int         NOT NULL CHECK (rows_total >= 0),
    created         int         NOT NULL CHECK (created >= 0),
    changed         int         NOT NULL CHECK (changed >= 0),
    skipped         int         NOT NULL CHECK (skipped >= 0),
    imported_by     uuid,
    imported_at     timestamptz NOT NULL,
    undone_at       timestamptz,
    undone_by       uuid
);
-- the same file is imported once (until that import is undone)
CREATE UNIQUE INDEX import_batch_once_uq ON import_batch (organisation_id, kind, sha256) WHERE undone_at IS NULL;
CREATE INDEX import_batch_organisation_idx ON import_batch (organisation_id, imported_at DESC);
ALTER TABLE import_batch ENABLE ROW LEVEL SECURITY;
CREATE POLICY import_batch_tenant ON import_batch
    USING (organisation_id = (SELECT current_organisation_id()))
    WITH CHECK (organisation_id = (SELECT current_organisation_id()));
GRANT SELECT, INSERT ON import_batch TO ${app_role};
GRANT UPDATE (undone_at, undone_by) ON import_batch TO ${app_role};

-- What a batch made or changed, so that its undo takes back exactly that. ref/ref2 name the row (an attendance is
-- its session and person); before keeps a session's head-counts as they were.
CREATE TABLE import_item (
    organisation_id uuid  NOT NULL REFERENCES organisation (id),
    batch_id        uuid  NOT NULL REFERENCES import_batch (id),
    target          text  NOT NULL CHECK (target IN ('PERSON', 'PERSON_ROLE', 'PERSON_DEPARTMENT', 'SESSION',
                                                     'SESSION_COUNTS', 'ATTENDANCE', 'CONTACT', 'TALLY')),
    ref             uuid  NOT NULL,
    ref2            uuid,
    before          int[]
);
CREATE INDEX import_item_batch_idx ON import_item (organisation_id, batch_id, target);
ALTER TABLE import_item ENABLE ROW LEVEL SECURITY;
CREATE POLICY import_item_tenant ON import_item
    USING (organisation_id = (SELECT current_organisation_id()))
    WITH CHECK (organisation_id = (SELECT current_organisation_id()));
GRANT SELECT, INSERT, DELETE ON import_item TO ${app_role};

-- An undo removes the sessions an import made (once their imported attendance is gone): activity.AttendanceImport
-- deletes only sessions listed in its own batch, so the roll call's rules for existing sessions stay as they were.
GRANT DELETE ON activity_session TO ${app_role};
