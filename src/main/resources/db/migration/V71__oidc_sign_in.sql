-- Sign-in through an organisation's OpenID Connect provider (issue 20, item 4): ID-porten, or the organisation's own
-- identity provider. The admin sets the issuer, the client id and the secret (encrypted with the field encryption,
-- associated data «oidc:<organisation id>»), the name on the sign-in button, and which acr/amr values the provider
-- sends when its sign-in counts as the second factor. An account is linked to the provider's subject on its first
-- sign-in, by e-mail, only if an admin has made the account; after that the link, not the e-mail, finds it.

CREATE TABLE oidc_provider (
    organisation_id         uuid PRIMARY KEY REFERENCES organisation (id),
    issuer                  text        NOT NULL CHECK (length(issuer) BETWEEN 8 AND 500),
    client_id               text        NOT NULL CHECK (length(client_id) BETWEEN 1 AND 300),
    client_secret_encrypted bytea       NOT NULL,
    display_name            text        NOT NULL CHECK (length(display_name) BETWEEN 1 AND 100),
    second_factor_values    text[]      NOT NULL DEFAULT '{idporten-loa-substantial,idporten-loa-high}'
                                        CHECK (cardinality(second_factor_values) <= 20),
    enabled                 boolean     NOT NULL DEFAULT true,
    updated_at              timestamptz NOT NULL DEFAULT now(),
    updated_by              uuid
);
ALTER TABLE oidc_provider ENABLE ROW LEVEL SECURITY;
CREATE POLICY oidc_provider_tenant ON oidc_provider
    USING (organisation_id = (SELECT current_organisation_id()))
    WITH CHECK (organisation_id = (SELECT current_organisation_id()));
GRANT SELECT, INSERT, UPDATE ON oidc_provider TO ${app_role};

CREATE TABLE oidc_link (
    organisation_id uuid        NOT NULL REFERENCES organisation (id),
    issuer          text        NOT NULL CHECK (length(issuer) BETWEEN 8 AND 500),
    subject         text        NOT NULL CHECK (length(subject) BETWEEN 1 AND 255),
    user_id         uuid        NOT NULL REFERENCES app_user (id),
    linked_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (organisation_id, issuer, subject),
    UNIQUE (user_id, issuer)
);
ALTER TABLE oidc_link ENABLE ROW LEVEL SECURITY;
CREATE POLICY oidc_link_tenant ON oidc_link
    USING (organisation_id = (SELECT current_organisation_id()))
    WITH CHECK (organisation_id = (SELECT current_organisation_id()));
GRANT SELECT, INSERT ON oidc_link TO ${app_role};

-- Before sign-in no organisation is known and row-level security hides every provider: these two answer only what
-- the sign-in page and the sign-in itself need (never the secret in clear: it is encrypted).
CREATE FUNCTION oidc_providers_offered()
    RETURNS TABLE (organisation_id uuid, organisation_name text, display_name text)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
AS $$
    SELECT p.organisation_id, o.name, p.display_name
      FROM oidc_provider p JOIN organisation o ON o.id = p.organisation_id
     WHERE p.enabled ORDER BY o.name, p.organisation_id
$$;
CREATE FUNCTION oidc_provider_lookup(p_organisation uuid)
    RETURNS TABLE (organisation_id uuid, issuer text, client_id text, client_secret_encrypted bytea,
                   display_name text, second_factor_values text[])
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
AS $$
    SELECT organisation_id, issuer, client_id, client_secret_encrypted, display_name, second_factor_values
      FROM oidc_provider WHERE organisation_id = p_organisation AND enabled
$$;
REVOKE ALL ON FUNCTION oidc_providers_offered(), oidc_provider_lookup(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION oidc_providers_offered(), oidc_provider_lookup(uuid) TO ${app_role};
