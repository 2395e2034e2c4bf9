-- Transitions (issue 17): the staff members who chose to get their transition alerts by e-mail as well as on
-- «Mine oppgaver». One row per user who chose it; removing the row is choosing it off.
CREATE TABLE transition_alert_email (
    user_id         uuid PRIMARY KEY REFERENCES app_user (id),
    organisation_id uuid        NOT NULL REFERENCES organisation (id),
    chosen_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX transition_alert_email_organisation_idx ON transition_alert_email (organisation_id);
ALTER TABLE transition_alert_email ENABLE ROW LEVEL SECURITY;
CREATE POLICY transition_alert_email_tenant ON transition_alert_email
    USING (organisation_id = (SELECT current_organisation_id()))
    WITH CHECK (organisation_id = (SELECT current_organisation_id()));
GRANT SELECT, INSERT, DELETE ON transition_alert_email TO ${app_role};
