-- Scheduled jobs run once across application nodes: ShedLock's JDBC provider (platform/scheduling) keeps one row
-- per job name here, taken and released with the database's own clock.
-- Not tenant data (a job name and who holds it), so no organisation_id and no row-level security, like
-- spring_session. The app role takes and releases locks; it never needs to delete one.
CREATE TABLE shedlock (
    name       varchar(64)  PRIMARY KEY,
    lock_until timestamptz  NOT NULL,
    locked_at  timestamptz  NOT NULL,
    locked_by  varchar(255) NOT NULL
);
GRANT SELECT, INSERT, UPDATE ON shedlock TO ${app_role};

-- A job has no user and so no organisation: under row-level security it sees none. This one function, run as
-- the owner, answers the one question a job asks first: which organisations are there.
CREATE FUNCTION scheduled_job_organisations() RETURNS SETOF uuid
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$ SELECT id FROM organisation ORDER BY created_at, id $$;
REVOKE ALL ON FUNCTION scheduled_job_organisations() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION scheduled_job_organisations() TO ${app_role};
