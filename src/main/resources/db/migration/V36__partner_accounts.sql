-- Partner accounts (issue 17, item 5): a caseworker at NAV, the municipality, an institution or the prison service
-- signs in with the role PARTNER and belongs to one named partner organisation of the register below. They see a
-- person's transition, checklist and shared plan goals only while the person has consent SHARE_WITH_PARTNER in force
-- naming that partner organisation (consent.partner, compared case-insensitively with the name).
--
-- The service layer checks that consent on every read; the database checks it as well: a transaction of a partner
-- carries app.partner_user_id (platform/tenancy/TenantTransactionManager), and restrictive policies on the person
-- and plan tables (and, V38, the transition and responsibility-group tables) hide every person whose consent to the
-- partner's organisation is not in force at that moment. Staff transactions carry no partner and are not limited.

CREATE TABLE partner_organisation (
    id              uuid PRIMARY KEY,
    organisation_id uuid        NOT NULL REFERENCES organisation (id),
    name            text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    kind            text        NOT NULL CHECK (kind IN ('NAV', 'MUNICIPALITY', 'INSTITUTION', 'PRISON_SERVICE', 'OTHER')),
    active          boolean     NOT NULL DEFAULT true,
    created_at      timestamptz NOT NULL DEFAULT now(),
    created_by      uuid
);
CREATE UNIQUE INDEX partner_organisation_name_uq ON partner_organisation (organisation_id, lower(name));
ALTER TABLE partner_organisation ENABLE ROW LEVEL SECURITY;
CREATE POLICY partner_organisation_tenant ON partner_organisation
    USING (organisation_id = (SELECT current_organisation_id()))
    WITH CHECK (organisation_id = (SELECT current_organisation_id()));
GRANT SELECT, INSERT ON partner_organisation TO ${app_role};
GRANT UPDATE (name, kind, active) ON partner_organisation TO ${app_role};

-- which partner organisation a PARTNER account belongs to: one
CREATE TABLE partner_account (
    user_id                 uuid PRIMARY KEY REFERENCES app_user (id),
    organisation_id         uuid        NOT NULL REFERENCES organisation (id),
    partner_organisation_id uuid        NOT NULL REFERENCES partner_organisation (id),
    created_at              timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX partner_account_partner_idx ON partner_account (organisation_id, partner_organisation_id);
ALTER TABLE partner_account ENABLE ROW LEVEL SECURITY;
CREATE POLICY partner_account_tenant ON partner_account
    USING (organisation_id = (SELECT current_organisation_id()))
    WITH CHECK (organisation_id = (SELECT current_organisation_id()));
GRANT SELECT, INSERT ON partner_account TO ${app_role};

-- the new role (and DIRECTORY_EDITOR of the directory work, so the order of the two migrations does not matter)
ALTER TABLE user_role DROP CONSTRAINT IF EXISTS user_role_role_check;
ALTER TABLE user_role ADD CONSTRAINT user_role_role_check CHECK (role IN ('ORG_ADMIN', 'COORDINATOR', 'STAFF',
    'VOLUNTEER', 'PARTICIPANT', 'REPORT_VIEWER', 'PARTNER', 'DIRECTORY_EDITOR'));

-- The partner of this transaction (a PARTNER user's account id), or NULL for everyone else.
CREATE FUNCTION current_partner_user_id() RETURNS uuid
    LANGUAGE sql STABLE
AS $$ SELECT NULLIF(current_setting('app.partner_user_id', true), '')::uuid $$;

-- Whether the partner of this transaction may see this person now: the person's consent SHARE_WITH_PARTNER is in
-- force and names the partner's (active) organisation. Runs as the owner, so it reads the consent whatever the
-- caller may read, and answers only this one question.
CREATE FUNCTION partner_may_see(p_person uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
    SELECT EXISTS (
        SELECT 1 FROM partner_account a
          JOIN partner_organisation o ON o.id = a.partner_organisation_id AND o.active
          JOIN consent c ON c.organisation_id = a.organisation_id AND c.person_id = p_person
                        AND c.purpose = 'SHARE_WITH_PARTNER' AND c.withdrawn_at IS NULL
                        AND lower(c.partner) = lower(o.name)
         WHERE a.user_id = current_partner_user_id() AND a.organisation_id = current_organisation_id())
$$;
GRANT EXECUTE ON FUNCTION current_partner_user_id(), partner_may_see(uuid) TO ${app_role};
REVOKE EXECUTE ON FUNCTION partner_may_see(uuid) FROM PUBLIC;

-- The partner wall on the tables a partner reads through other modules' services: the person (name) and the plan
-- goals. The scalar subquery is evaluated once per query, so staff pay nothing per row.
CREATE POLICY person_partner ON person AS RESTRICTIVE
    USING ((SELECT current_partner_user_id()) IS NULL OR partner_may_see(id));
CREATE POLICY plan_goal_partner ON plan_goal AS RESTRICTIVE
    USING ((SELECT current_partner_user_id()) IS NULL OR partner_may_see(person_id));
