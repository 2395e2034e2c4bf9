-- The public directory API's rate limit (issue 19, item 7), shared by every app node: one Bucket4j token bucket per
-- client, its state written under SELECT ... FOR UPDATE. The id is a keyed fingerprint of the client's address
-- (the field-fingerprint keyset), never the address itself. Not tenant data (no organisation, no person), so no
-- row-level security, like shedlock and spring_session. expires_at (epoch milliseconds) is when a bucket would be
-- full again; a job removes rows past it.
CREATE TABLE public_api_bucket (
    id         text   PRIMARY KEY,
    state      bytea,
    expires_at bigint
);
CREATE INDEX public_api_bucket_expires_idx ON public_api_bucket (expires_at);
GRANT SELECT, INSERT, UPDATE, DELETE ON public_api_bucket TO ${app_role};
