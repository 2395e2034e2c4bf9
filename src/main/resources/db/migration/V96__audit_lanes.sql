-- Issue 21 (two nodes under load): each organisation's audit trail was one hash chain, each row linked to the row
-- before under an advisory lock held until the commit. Every request that reads personal data writes audit rows, so
-- all of an organisation's requests queued on that one lock, through each other's commit: under 32 users on two
-- nodes, pg_stat_activity found four backends waiting on it at any moment, and it set the pace of every page.
--
-- Now the trail is sixteen chains, «lanes», per organisation. A row goes to the lane of the database connection that
-- writes it (its backend's pid modulo 16) and links to the previous row of that lane, under a lock of that lane only.
-- Each lane is a chain as before: a changed, inserted or removed row breaks its lane's links, and a signed checkpoint
-- names the last row of every lane (AuditCheckpoint.tails), so a lane cut from its end shows too. The rows written
-- before this version are all lane 0, and keep their hashes: the lane is not part of the hashed content, a row moved
-- to another lane breaks the links of both.
ALTER TABLE audit_event ADD COLUMN lane smallint NOT NULL DEFAULT 0 CHECK (lane BETWEEN 0 AND 15);
CREATE INDEX audit_event_lane_idx ON audit_event (organisation_id, lane, seq);

CREATE OR REPLACE FUNCTION audit_event_chain() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    previous bytea;
BEGIN
    NEW.lane := pg_backend_pid() % 16;
    PERFORM pg_advisory_xact_lock(hashtextextended(NEW.organisation_id::text || '/' || NEW.lane, 7));
    SELECT e.hash INTO previous FROM audit_event e
     WHERE e.organisation_id = NEW.organisation_id AND e.lane = NEW.lane ORDER BY e.seq DESC LIMIT 1;
    NEW.seq := nextval('audit_event_seq');
    NEW.at := clock_timestamp();
    NEW.prev_hash := coalesce(previous, '\x'::bytea);
    NEW.hash := sha256(NEW.prev_hash || audit_event_content(NEW));
    RETURN NEW;
END $$;
