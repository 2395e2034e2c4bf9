-- Second sign-in factor: a TOTP secret per user (RFC 6238) and one-time recovery codes, and the organisation's
-- choice whether everyone who can see personal data must use it.

ALTER TABLE organisation ADD COLUMN require_second_factor boolean NOT NULL DEFAULT true;

-- The secret is encrypted by the application (Tink AEAD, with the user id as associated data), so neither a
-- database dump nor a backup holds it in clear. last_used_step is the RFC 6238 time step of the last accepted
-- code: a code for that step or an earlier one is refused, so a code cannot be replayed within its window.
CREATE TABLE second_factor (
    user_id          uuid PRIMARY KEY REFERENCES app_user (id),
    organisation_id  uuid        NOT NULL REFERENCES organisation (id),
    secret_encrypted bytea       NOT NULL,
    enrolled_at      timestamptz NOT NULL DEFAULT now(),
    last_used_step   bigint      NOT NULL
);
CREATE INDEX second_factor_organisation_idx ON second_factor (organisation_id);
ALTER TABLE second_factor ENABLE ROW LEVEL SECURITY;
CREATE POLICY second_factor_tenant ON second_factor
    USING (organisation_id = current_organisation_id())
    WITH CHECK (organisation_id = current_organisation_id());

-- Recovery codes are long and random, so a SHA-256 hash is enough (as for API tokens). Each works once.
CREATE TABLE recovery_code (
    id              uuid PRIMARY KEY,
    user_id         uuid        NOT NULL REFERENCES app_user (id),
    organisation_id uuid        NOT NULL REFERENCES organisation (id),
    code_hash       text        NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    used_at         timestamptz,
    UNIQUE (user_id, code_hash)
);
ALTER TABLE recovery_code ENABLE ROW LEVEL SECURITY;
CREATE POLICY recovery_code_tenant ON recovery_code
    USING (organisation_id = current_organisation_id())
    WITH CHECK (organisation_id = current_organisation_id());

GRANT SELECT, INSERT, UPDATE, DELETE ON second_factor, recovery_code TO ${app_role};

-- The sign-in lookup also tells whether the user has a second factor and whether the organisation requires one.
-- PostgreSQL cannot change a function's result columns in place, so both lookups are made anew: the existing
-- columns first, in the same order, the new ones at the end. api_token_account returns the same columns;
-- an API token never asks for a second factor (the application decides that, not these functions).
DROP FUNCTION api_token_account(text);
DROP FUNCTION sign_in_account(text);

CREATE FUNCTION sign_in_account(p_email text)
    RETURNS TABLE (id uuid, organisation_id uuid, email text, display_name text, password_hash text,
                   active boolean, roles text[], department_ids uuid[],
                   second_factor_enrolled boolean, second_factor_required boolean)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
    SELECT u.id, u.organisation_id, u.email, u.display_name, u.password_hash, u.active,
           COALESCE((SELECT array_agg(r.role ORDER BY r.role) FROM user_role r WHERE r.user_id = u.id), '{}'),
           COALESCE((SELECT array_agg(d.department_id) FROM user_department d WHERE d.user_id = u.id), '{}'),
           EXISTS (SELECT 1 FROM second_factor f WHERE f.user_id = u.id),
           o.require_second_factor
      FROM app_user u
      JOIN organisation o ON o.id = u.organisation_id
     WHERE lower(u.email) = lower(p_email)
$$;

CREATE FUNCTION api_token_account(p_token_hash text)
    RETURNS TABLE (id uuid, organisation_id uuid, email text, display_name text, password_hash text,
                   active boolean, roles text[], department_ids uuid[],
                   second_factor_enrolled boolean, second_factor_required boolean)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
    SELECT a.*
      FROM api_token t
      CROSS JOIN LATERAL sign_in_account((SELECT u.email FROM app_user u WHERE u.id = t.user_id)) a
     WHERE t.token_hash = p_token_hash AND t.revoked_at IS NULL
$$;

REVOKE EXECUTE ON FUNCTION sign_in_account(text), api_token_account(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION sign_in_account(text), api_token_account(text) TO ${app_role};
