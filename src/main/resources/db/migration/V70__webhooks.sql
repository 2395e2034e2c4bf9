-- Webhooks for partner systems (issue 20, item 5). An organisation's admin registers an address and the kinds of
-- event it wants; each event that happens in the organisation is queued once per hook that wants it (the outbox,
-- webhook_delivery) after the change that caused it has committed, and a scheduled job delivers it: a JSON body of
-- ids, the kind and the time only (never health details), signed with HMAC-SHA256 under the hook's own secret, tried
-- again with a growing pause, every attempt kept for the admin to read (webhook_attempt).

CREATE TABLE webhook (
    id               uuid PRIMARY KEY,
    organisation_id  uuid        NOT NULL REFERENCES organisation (id),
    url              text        NOT NULL CHECK (length(url) BETWEEN 8 AND 2000),
    -- the kinds of event, as WebhookEvent names them
    events           text[]      NOT NULL CHECK (cardinality(events) BETWEEN 1 AND 20),
    -- the signing secret, encrypted with the field encryption (associated data: the hook's id); shown once
    secret_encrypted bytea       NOT NULL,
    active           boolean     NOT NULL DEFAULT true,
    created_at       timestamptz NOT NULL DEFAULT now(),
    created_by       uuid
);
CREATE INDEX webhook_organisation_idx ON webhook (organisation_id, created_at);
ALTER TABLE webhook ENABLE ROW LEVEL SECURITY;
CREATE POLICY webhook_tenant ON webhook
    USING (organisation_id = (SELECT current_organisation_id()))
    WITH CHECK (organisation_id = (SELECT current_organisation_id()));
GRANT SELECT, INSERT ON webhook TO ${app_role};
GRANT UPDATE (active) ON webhook TO ${app_role};

-- One event for one hook: the body as it is signed and sent (the same bytes on every attempt), and where it stands.
CREATE TABLE webhook_delivery (
    id              uuid PRIMARY KEY,
    organisation_id uuid        NOT NULL REFERENCES organisation (id),
    webhook_id      uuid        NOT NULL REFERENCES webhook (id),
    -- the event's own id: the same event reaches each hook once
    event_id        uuid        NOT NULL,
    kind            text        NOT NULL CHECK (kind ~ '^[a-z][a-z_.]{0,63}$'),
    occurred_at     timestamptz NOT NULL,
    body            text        NOT NULL CHECK (length(body) <= 20000),
    -- the persons the event names, for the audit trail when it is delivered
    person_ids      uuid[]      NOT NULL DEFAULT '{}',
    status          text        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
    attempts        integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at timestamptz NOT NULL,
    delivered_at    timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (webhook_id, event_id)
);
CREATE INDEX webhook_delivery_due_idx ON webhook_delivery (organisation_id, next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX webhook_delivery_hook_idx ON webhook_delivery (organisation_id, webhook_id, created_at);
ALTER TABLE webhook_delivery ENABLE ROW LEVEL SECURITY;
CREATE POLICY webhook_delivery_tenant ON webhook_delivery
    USING (organisation_id = (SELECT current_organisation_id()))
    WITH CHECK (organisation_id = (SELECT current_organisation_id()));
GRANT SELECT, INSERT ON webhook_delivery TO ${app_role};
GRANT UPDATE (status, attempts, next_attempt_at, delivered_at) ON webhook_delivery TO ${app_role};

-- Every attempt: when, the answer's status (or none) and a short error, how long it took. Append-only.
CREATE TABLE webhook_attempt (
    id              uuid PRIMARY KEY,
    organisation_id uuid        NOT NULL REFERENCES organisation (id),
    delivery_id     uuid        NOT NULL REFERENCES webhook_delivery (id),
    attempted_at    timestamptz NOT NULL,
    http_status     integer CHECK (http_status BETWEEN 100 AND 599),
    error           text CHECK (length(error) <= 300),
    duration_ms     integer     NOT NULL CHECK (duration_ms >= 0)
);
CREATE INDEX webhook_attempt_delivery_idx ON webhook_attempt (organisation_id, delivery_id, attempted_at);
ALTER TABLE webhook_attempt ENABLE ROW LEVEL SECURITY;
CREATE POLICY webhook_attempt_tenant ON webhook_attempt
    USING (organisation_id = (SELECT current_organisation_id()))
    WITH CHECK (organisation_id = (SELECT current_organisation_id()));
GRANT SELECT, INSERT ON webhook_attempt TO ${app_role};
