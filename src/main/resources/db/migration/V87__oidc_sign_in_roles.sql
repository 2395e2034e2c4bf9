-- Which roles may sign in through the organisation's OpenID Connect provider (issue 20, item 4): by default the
-- staff roles and partners; an admin may add participants, volunteers and the others. An account with none of
-- these roles is refused at the provider's sign-in with a message that says so (its password still works).
-- Accounts may also be linked on their first sign-in by the national id ID-porten sends (pid), when the
-- organisation has national ids on and the account's person has that number (done in account/internal/OidcAccounts).
ALTER TABLE oidc_provider ADD COLUMN sign_in_roles text[] NOT NULL
    DEFAULT '{ORG_ADMIN,COORDINATOR,STAFF,PARTNER}'
    CHECK (cardinality(sign_in_roles) BETWEEN 1 AND 20);

DROP FUNCTION oidc_provider_lookup(uuid);
CREATE FUNCTION oidc_provider_lookup(p_organisation uuid)
    RETURNS TABLE (organisation_id uuid, issuer text, client_id text, client_secret_encrypted bytea,
                   display_name text, second_factor_values text[], sign_in_roles text[])
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
AS $$
    SELECT organisation_id, issuer, client_id, client_secret_encrypted, display_name, second_factor_values,
           sign_in_roles
      FROM oidc_provider WHERE organisation_id = p_organisation AND enabled
$$;
REVOKE ALL ON FUNCTION oidc_provider_lookup(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION oidc_provider_lookup(uuid) TO ${app_role};
