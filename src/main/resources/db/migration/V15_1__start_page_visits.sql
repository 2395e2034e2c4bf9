-- Version 15.1: version 15 is the Java migration plan/MappingTextEncryptedMigration; 15.x was the number given to this change.
-- «Mine oppgaver» on the start page marks the tasks that arose since the user's last visit as «Ny» (issue 15). The
-- dashboard keeps, per user, when they last opened the start page and when the visit before that sitting began:
-- a sitting is visits less than 30 minutes apart, so the marks stay while the user works through the list and
-- comes back to it, and are gone on the next sitting. No personal data of participants, only the user's own times.
CREATE TABLE start_page_visit (
    user_id           uuid PRIMARY KEY REFERENCES app_user (id),
    organisation_id   uuid        NOT NULL REFERENCES organisation (id),
    last_visit_at     timestamptz NOT NULL,
    previous_visit_at timestamptz,
    CHECK (previous_visit_at IS NULL OR previous_visit_at <= last_visit_at)
);
CREATE INDEX start_page_visit_organisation_idx ON start_page_visit (organisation_id);

ALTER TABLE start_page_visit ENABLE ROW LEVEL SECURITY;
CREATE POLICY start_page_visit_tenant ON start_page_visit
    USING (organisation_id = (SELECT current_organisation_id()))
    WITH CHECK (organisation_id = (SELECT current_organisation_id()));
GRANT SELECT, INSERT, UPDATE ON start_page_visit TO ${app_role};
