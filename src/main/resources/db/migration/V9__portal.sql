-- «Min side»: a participant signs up for sessions of activities they attend, and staff invite a participant to
-- make their own account with a one-time link.

-- A sign-up says «I mean to come». It is not attendance: the roll call still records who came.
CREATE TABLE session_signup (
    session_id      uuid        NOT NULL REFERENCES activity_session (id),
    person_id       uuid        NOT NULL REFERENCES person (id),
    organisation_id uuid        NOT NULL REFERENCES organisation (id),
    signed_up_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (session_id, person_id)
);
CREATE INDEX session_signup_person_idx ON session_signup (person_id);
ALTER TABLE session_signup ENABLE ROW LEVEL SECURITY;
CREATE POLICY session_signup_tenant ON session_signup
    USING (organisation_id = current_organisation_id())
    WITH CHECK (organisation_id = current_organisation_id());

-- Only the token's SHA-256 is kept; the link itself goes out once, by e-mail.
CREATE TABLE portal_invitation (
    id               uuid PRIMARY KEY,
    organisation_id  uuid        NOT NULL REFERENCES organisation (id),
    person_id        uuid        NOT NULL REFERENCES person (id),
    email            text        NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
    token_hash       text        NOT NULL UNIQUE,
    created_by       uuid        NOT NULL REFERENCES app_user (id),
    created_at       timestamptz NOT NULL DEFAULT now(),
    expires_at       timestamptz NOT NULL,
    accepted_at      timestamptz,
    accepted_user_id uuid REFERENCES app_user (id),
    revoked_at       timestamptz,
    CHECK (expires_at > created_at)
);
-- at most one live invitation per person: a new one revokes the one before
CREATE UNIQUE INDEX portal_invitation_live_uq ON portal_invitation (person_id)
    WHERE accepted_at IS NULL AND revoked_at IS NULL;
ALTER TABLE portal_invitation ENABLE ROW LEVEL SECURITY;
CREATE POLICY portal_invitation_tenant ON portal_invitation
    USING (organisation_id = current_organisation_id())
    WITH CHECK (organisation_id = current_organisation_id());

-- The one who follows the link is not signed in: this function, running as the owner, tells which organisation
-- a live, unexpired invitation belongs to, and nothing else.
CREATE FUNCTION portal_invitation_lookup(p_token_hash text)
    RETURNS TABLE (organisation_id uuid, invitation_id uuid)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
AS $$
    SELECT organisation_id, id FROM portal_invitation
     WHERE token_hash = p_token_hash AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > now()
$$;
REVOKE ALL ON FUNCTION portal_invitation_lookup(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION portal_invitation_lookup(text) TO ${app_role};

GRANT SELECT, INSERT, DELETE ON session_signup TO ${app_role};
GRANT SELECT, INSERT, DELETE ON portal_invitation TO ${app_role};
GRANT UPDATE (accepted_at, accepted_user_id, revoked_at) ON portal_invitation TO ${app_role};
