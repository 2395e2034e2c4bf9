-- What Tilfrisk sent to whom, when, by which channel and of which kind (issue 17, item 6): e-mail and SMS notices to
-- participants (only with consent to the channel) and e-mail notices to staff who chose them. No message text is
-- kept: the kind names the fixed wording, which never carries health details. The id is the sender's: a notice
-- sent again with the same id (a scheduled job running twice) finds its row and sends nothing.
CREATE TABLE notification_log (
    id              uuid PRIMARY KEY,
    organisation_id uuid        NOT NULL REFERENCES organisation (id),
    -- to a person (participant) or to a user account (staff); exactly one
    person_id       uuid REFERENCES person (id),
    user_id         uuid REFERENCES app_user (id),
    channel         text        NOT NULL CHECK (channel IN ('EMAIL', 'SMS')),
    kind            text        NOT NULL CHECK (kind ~ '^[a-z][a-zA-Z0-9.-]{0,79}$'),
    -- the address it went to (e-mail or phone), removed when the person is erased
    recipient       text CHECK (length(recipient) <= 254),
    outcome         text        NOT NULL CHECK (outcome IN ('SENDING', 'SENT', 'FAILED')),
    sent_at         timestamptz NOT NULL DEFAULT now(),
    sent_by         uuid,
    CHECK ((person_id IS NULL) <> (user_id IS NULL))
);
CREATE INDEX notification_log_person_idx ON notification_log (organisation_id, person_id, sent_at);
CREATE INDEX notification_log_user_idx ON notification_log (organisation_id, user_id, sent_at);
ALTER TABLE notification_log ENABLE ROW LEVEL SECURITY;
CREATE POLICY notification_log_tenant ON notification_log
    USING (organisation_id = (SELECT current_organisation_id()))
    WITH CHECK (organisation_id = (SELECT current_organisation_id()));
GRANT SELECT, INSERT ON notification_log TO ${app_role};
-- the outcome after the attempt, a retry of a failed one, and erasure of the address
GRANT UPDATE (outcome, sent_at, sent_by, recipient) ON notification_log TO ${app_role};
