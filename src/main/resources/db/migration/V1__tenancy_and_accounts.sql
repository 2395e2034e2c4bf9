-- Tenancy, departments, accounts, API tokens and sign-in throttling.
-- Flyway runs as the owning role. The application connects as ${app_role}, which owns nothing and
-- cannot bypass row-level security, so RLS is a real second wall behind the application's own filters.

CREATE FUNCTION current_organisation_id() RETURNS uuid
    LANGUAGE sql STABLE
AS $$ SELECT NULLIF(current_setting('app.organisation_id', true), '')::uuid $$;

CREATE TABLE organisation (
    id         uuid PRIMARY KEY,
    name       text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    created_at timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE organisation ENABLE ROW LEVEL SECURITY;
CREATE POLICY organisation_tenant ON organisation USING (id = current_organisation_id());

CREATE TABLE department (
    id              uuid PRIMARY KEY,
    organisation_id uuid        NOT NULL REFERENCES organisation (id),
    name            text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    municipality    text CHECK (length(municipality) <= 100),
    start_date      date,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX department_name_uq ON department (organisation_id, lower(name));
ALTER TABLE department ENABLE ROW LEVEL SECURITY;
CREATE POLICY department_tenant ON department
    USING (organisation_id = current_organisation_id())
    WITH CHECK (organisation_id = current_organisation_id());

CREATE TABLE app_user (
    id              uuid PRIMARY KEY,
    organisation_id uuid        NOT NULL REFERENCES organisation (id),
    email           text        NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
    display_name    text        NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
    password_hash   text        NOT NULL,
    active          boolean     NOT NULL DEFAULT true,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
-- An e-mail signs in to exactly one organisation.
CREATE UNIQUE INDEX app_user_email_uq ON app_user (lower(email));
CREATE INDEX app_user_organisation_idx ON app_user (organisation_id);
ALTER TABLE app_user ENABLE ROW LEVEL SECURITY;
CREATE POLICY app_user_tenant ON app_user
    USING (organisation_id = current_organisation_id())
    WITH CHECK (organisation_id = current_organisation_id());

CREATE TABLE user_role (
    user_id         uuid NOT NULL REFERENCES app_user (id),
    organisation_id uuid NOT NULL REFERENCES organisation (id),
    role            text NOT NULL CHECK (role IN ('ORG_ADMIN', 'COORDINATOR', 'STAFF', 'VOLUNTEER', 'PARTICIPANT', 'REPORT_VIEWER')),
    PRIMARY KEY (user_id, role)
);
ALTER TABLE user_role ENABLE ROW LEVEL SECURITY;
CREATE POLICY user_role_tenant ON user_role
    USING (organisation_id = current_organisation_id())
    WITH CHECK (organisation_id = current_organisation_id());

CREATE TABLE user_department (
    user_id         uuid NOT NULL REFERENCES app_user (id),
    department_id   uuid NOT NULL REFERENCES department (id),
    organisation_id uuid NOT NULL REFERENCES organisation (id),
    PRIMARY KEY (user_id, department_id)
);
ALTER TABLE user_department ENABLE ROW LEVEL SECURITY;
CREATE POLICY user_department_tenant ON user_department
    USING (organisation_id = current_organisation_id())
    WITH CHECK (organisation_id = current_organisation_id());

CREATE TABLE api_token (
    id              uuid PRIMARY KEY,
    organisation_id uuid        NOT NULL REFERENCES organisation (id),
    user_id         uuid        NOT NULL REFERENCES app_user (id),
    name            text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    token_hash      text        NOT NULL UNIQUE,
    created_at      timestamptz NOT NULL DEFAULT now(),
    revoked_at      timestamptz
);
CREATE INDEX api_token_user_idx ON api_token (user_id);
ALTER TABLE api_token ENABLE ROW LEVEL SECURITY;
CREATE POLICY api_token_tenant ON api_token
    USING (organisation_id = current_organisation_id())
    WITH CHECK (organisation_id = current_organisation_id());

-- Failed sign-ins, keyed by account e-mail or client address; not organisation data.
CREATE TABLE sign_in_failure (
    subject   text        NOT NULL,
    failed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sign_in_failure_subject_idx ON sign_in_failure (subject, failed_at);

-- Sign-in happens before the organisation is known. These two functions run as the owner (which is not
-- subject to RLS) and answer exactly one question each: the account behind an e-mail, or behind a token hash.
CREATE FUNCTION sign_in_account(p_email text)
    RETURNS TABLE (id uuid, organisation_id uuid, email text, display_name text, password_hash text,
                   active boolean, roles text[], department_ids uuid[])
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
    SELECT u.id, u.organisation_id, u.email, u.display_name, u.password_hash, u.active,
           COALESCE((SELECT array_agg(r.role ORDER BY r.role) FROM user_role r WHERE r.user_id = u.id), '{}'),
           COALESCE((SELECT array_agg(d.department_id) FROM user_department d WHERE d.user_id = u.id), '{}')
      FROM app_user u
     WHERE lower(u.email) = lower(p_email)
$$;

CREATE FUNCTION api_token_account(p_token_hash text)
    RETURNS TABLE (id uuid, organisation_id uuid, email text, display_name text, password_hash text,
                   active boolean, roles text[], department_ids uuid[])
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
    SELECT a.*
      FROM api_token t
      CROSS JOIN LATERAL sign_in_account((SELECT u.email FROM app_user u WHERE u.id = t.user_id)) a
     WHERE t.token_hash = p_token_hash AND t.revoked_at IS NULL
$$;

-- Spring Session JDBC (schema-postgresql.sql of spring-session-jdbc)
CREATE TABLE spring_session (
    primary_id            char(36) NOT NULL,
    session_id            char(36) NOT NULL,
    creation_time         bigint   NOT NULL,
    last_access_time      bigint   NOT NULL,
    max_inactive_interval int      NOT NULL,
    expiry_time           bigint   NOT NULL,
    principal_name        varchar(100),
    CONSTRAINT spring_session_pk PRIMARY KEY (primary_id)
);
CREATE UNIQUE INDEX spring_session_ix1 ON spring_session (session_id);
CREATE INDEX spring_session_ix2 ON spring_session (expiry_time);
CREATE INDEX spring_session_ix3 ON spring_session (principal_name);
CREATE TABLE spring_session_attributes (
    session_primary_id char(36)     NOT NULL,
    attribute_name     varchar(200) NOT NULL,
    attribute_bytes    bytea        NOT NULL,
    CONSTRAINT spring_session_attributes_pk PRIMARY KEY (session_primary_id, attribute_name),
    CONSTRAINT spring_session_attributes_fk FOREIGN KEY (session_primary_id) REFERENCES spring_session (primary_id) ON DELETE CASCADE
);

GRANT SELECT, INSERT, UPDATE ON organisation, department, app_user, api_token TO ${app_role};
GRANT SELECT, INSERT, DELETE ON user_role, user_department TO ${app_role};
GRANT SELECT, INSERT, DELETE ON sign_in_failure TO ${app_role};
GRANT SELECT, INSERT, UPDATE, DELETE ON spring_session, spring_session_attributes TO ${app_role};
GRANT EXECUTE ON FUNCTION current_organisation_id(), sign_in_account(text), api_token_account(text) TO ${app_role};
REVOKE EXECUTE ON FUNCTION sign_in_account(text), api_token_account(text) FROM PUBLIC;
