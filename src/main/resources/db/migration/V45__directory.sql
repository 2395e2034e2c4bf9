-- The service directory «Rett hjelp til rett tid» (issue 19, seed 004): the offers a person can be pointed to,
-- their opening hours per weekday with exceptions on dates, every change with who and when, and the referrals
-- staff record from a person's page.
--
-- An offer belongs to an organisation (it keeps its own) or, with organisation_id NULL, to the whole network
-- (shared entries: seed 004's appendices, imports), kept by directory editors. Row-level security, deliberately:
--   * a PUBLISHED offer and its hours are public information holding nobody's personal data, so anyone may READ
--     them, signed in or not, with or without an organisation (policy *_public_read, SELECT only);
--   * an organisation writes (and reads unpublished) only its own offers (the tenant policy);
--   * shared entries are written only in a transaction the application has marked with app.directory_shared
--     after its own check that the caller is a directory editor (policy *_shared).
-- Referrals are personal data and sit behind the plain tenant policy.

CREATE FUNCTION directory_shared_writable() RETURNS boolean
    LANGUAGE sql STABLE
AS $$ SELECT coalesce(current_setting('app.directory_shared', true), '') = 'on' $$;
GRANT EXECUTE ON FUNCTION directory_shared_writable() TO ${app_role};

CREATE TABLE offer (
    id              uuid PRIMARY KEY,
    -- NULL: a shared entry of the network
    organisation_id uuid REFERENCES organisation (id),
    source          text        NOT NULL DEFAULT 'MANUAL'
                    CHECK (source IN ('MANUAL', 'SEED_004_APPENDIX_3', 'SEED_004_APPENDIX_4', 'HSDS')),
    name            text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    operator_name   text CHECK (length(operator_name) <= 200),
    operator_kind   text        NOT NULL CHECK (operator_kind IN ('MUNICIPAL', 'STATE', 'VOLUNTARY', 'NON_PROFIT', 'PRIVATE')),
    description     text CHECK (length(description) <= 4000),
    needs           text[]      NOT NULL DEFAULT '{}' CHECK (cardinality(needs) <= 20),
    target_groups   text[]      NOT NULL DEFAULT '{}' CHECK (cardinality(target_groups) <= 20),
    target_text     text CHECK (length(target_text) <= 1000),
    -- NULL: not known
    low_threshold   boolean,
    referral_from   text CHECK (length(referral_from) <= 200),
    free            boolean,
    cost            text CHECK (length(cost) <= 500),
    address         text CHECK (length(address) <= 300),
    area            text CHECK (length(area) <= 100),
    municipality    text CHECK (length(municipality) <= 100),
    phone           text CHECK (length(phone) <= 40),
    web             text CHECK (length(web) <= 500),
    languages       text[]      NOT NULL DEFAULT '{}' CHECK (cardinality(languages) <= 30),
    accessibility   text[]      NOT NULL DEFAULT '{}' CHECK (cardinality(accessibility) <= 20),
    capacity        int CHECK (capacity BETWEEN 0 AND 100000),
    -- false: «åpningstider ikke oppgitt»; the seed gives none and none is ever invented
    hours_known     boolean     NOT NULL DEFAULT false,
    -- the seed's own figures, as written (paid and voluntary FTEs, users 2016, grant 2017, places, ...)
    source_figures  jsonb,
    published       boolean     NOT NULL DEFAULT true,
    last_confirmed  date,
    version         int         NOT NULL DEFAULT 1,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    updated_by      uuid,
    search_text     text GENERATED ALWAYS AS (lower(name || ' ' || coalesce(operator_name, '') || ' '
                        || coalesce(description, '') || ' ' || coalesce(target_text, '') || ' '
                        || coalesce(area, ''))) STORED
);
CREATE INDEX offer_organisation_idx ON offer (organisation_id, name);
CREATE INDEX offer_published_idx ON offer (name) WHERE published;
CREATE INDEX offer_confirmed_idx ON offer (last_confirmed);

-- the weekly hours: one or more intervals a weekday (1 = Monday); closing past midnight must be said
CREATE TABLE offer_hours (
    id              uuid PRIMARY KEY,
    offer_id        uuid        NOT NULL REFERENCES offer (id) ON DELETE CASCADE,
    organisation_id uuid REFERENCES organisation (id),
    published       boolean     NOT NULL DEFAULT true,
    weekday         smallint    NOT NULL CHECK (weekday BETWEEN 1 AND 7),
    opens           time        NOT NULL,
    closes          time        NOT NULL,
    past_midnight   boolean     NOT NULL DEFAULT false,
    CHECK (CASE WHEN past_midnight THEN closes <= opens ELSE closes > opens END)
);
CREATE INDEX offer_hours_offer_idx ON offer_hours (offer_id);

-- a date that differs from the week: closed (a holiday, Christmas Eve) or its own hours (open on a holiday)
CREATE TABLE offer_hours_exception (
    id              uuid PRIMARY KEY,
    offer_id        uuid        NOT NULL REFERENCES offer (id) ON DELETE CASCADE,
    organisation_id uuid REFERENCES organisation (id),
    published       boolean     NOT NULL DEFAULT true,
    on_date         date        NOT NULL,
    closed          boolean     NOT NULL,
    opens           time,
    closes          time,
    past_midnight   boolean     NOT NULL DEFAULT false,
    note            text CHECK (length(note) <= 200),
    UNIQUE (offer_id, on_date),
    CHECK (closed = (opens IS NULL) AND (opens IS NULL) = (closes IS NULL)),
    CHECK (closed OR CASE WHEN past_midnight THEN closes <= opens ELSE closes > opens END)
);

-- every change of an offer: who, when, which fields
CREATE TABLE offer_change (
    id              uuid PRIMARY KEY,
    offer_id        uuid        NOT NULL REFERENCES offer (id) ON DELETE CASCADE,
    organisation_id uuid REFERENCES organisation (id),
    changed_at      timestamptz NOT NULL DEFAULT now(),
    changed_by      uuid,
    changed_by_name text CHECK (length(changed_by_name) <= 200),
    kind            text        NOT NULL CHECK (kind IN ('CREATED', 'CHANGED', 'CONFIRMED', 'IMPORTED', 'WITHDRAWN')),
    fields          text[]      NOT NULL DEFAULT '{}'
);
CREATE INDEX offer_change_offer_idx ON offer_change (offer_id, changed_at DESC);

ALTER TABLE offer ENABLE ROW LEVEL SECURITY;
CREATE POLICY offer_public_read ON offer FOR SELECT USING (published);
CREATE POLICY offer_tenant ON offer
    USING (organisation_id = (SELECT current_organisation_id()))
    WITH CHECK (organisation_id = (SELECT current_organisation_id()));
CREATE POLICY offer_shared ON offer
    USING (organisation_id IS NULL AND (SELECT directory_shared_writable()))
    WITH CHECK (organisation_id IS NULL AND (SELECT directory_shared_writable()));
GRANT SELECT, INSERT, UPDATE ON offer TO ${app_role};

ALTER TABLE offer_hours ENABLE ROW LEVEL SECURITY;
CREATE POLICY offer_hours_public_read ON offer_hours FOR SELECT USING (published);
CREATE POLICY offer_hours_tenant ON offer_hours
    USING (organisation_id = (SELECT current_organisation_id()))
    WITH CHECK (organisation_id = (SELECT current_organisation_id()));
CREATE POLICY offer_hours_shared ON offer_hours
    USING (organisation_id IS NULL AND (SELECT directory_shared_writable()))
    WITH CHECK (organisation_id IS NULL AND (SELECT directory_shared_writable()));
GRANT SELECT, INSERT, UPDATE, DELETE ON offer_hours TO ${app_role};

ALTER TABLE offer_hours_exception ENABLE ROW LEVEL SECURITY;
CREATE POLICY offer_hours_exception_public_read ON offer_hours_exception FOR SELECT USING (published);
CREATE POLICY offer_hours_exception_tenant ON offer_hours_exception
    USING (organisation_id = (SELECT current_organisation_id()))
    WITH CHECK (organisation_id = (SELECT current_organisation_id()));
CREATE POLICY offer_hours_exception_shared ON offer_hours_exception
    USING (organisation_id IS NULL AND (SELECT directory_shared_writable()))
    WITH CHECK (organisation_id IS NULL AND (SELECT directory_shared_writable()));
GRANT SELECT, INSERT, UPDATE, DELETE ON offer_hours_exception TO ${app_role};

-- the history is no public reading: who changed an offer is the keepers' business
ALTER TABLE offer_change ENABLE ROW LEVEL SECURITY;
CREATE POLICY offer_change_tenant ON offer_change
    USING (organisation_id = (SELECT current_organisation_id()))
    WITH CHECK (organisation_id = (SELECT current_organisation_id()));
CREATE POLICY offer_change_shared ON offer_change
    USING (organisation_id IS NULL AND (SELECT directory_shared_writable()))
    WITH CHECK (organisation_id IS NULL AND (SELECT directory_shared_writable()));
GRANT SELECT, INSERT ON offer_change TO ${app_role};

-- a referral from a person's page to an offer; the outcome comes later
CREATE TABLE referral (
    id               uuid PRIMARY KEY,
    organisation_id  uuid        NOT NULL REFERENCES organisation (id),
    person_id        uuid        NOT NULL REFERENCES person (id),
    offer_id         uuid        NOT NULL REFERENCES offer (id),
    referred_on      date        NOT NULL,
    reason           text CHECK (length(reason) <= 1000),
    -- the person agreed that their name is given to the offer (needed where the offer takes referrals by name)
    consent_to_share boolean     NOT NULL DEFAULT false,
    outcome          text CHECK (outcome IN ('STARTED', 'DID_NOT_START', 'WAITING')),
    outcome_on       date,
    created_at       timestamptz NOT NULL DEFAULT now(),
    created_by       uuid,
    CHECK ((outcome IS NULL) = (outcome_on IS NULL))
);
CREATE INDEX referral_person_idx ON referral (organisation_id, person_id);
CREATE INDEX referral_date_idx ON referral (organisation_id, referred_on);
ALTER TABLE referral ENABLE ROW LEVEL SECURITY;
CREATE POLICY referral_tenant ON referral
    USING (organisation_id = (SELECT current_organisation_id()))
    WITH CHECK (organisation_id = (SELECT current_organisation_id()));
GRANT SELECT, INSERT, UPDATE, DELETE ON referral TO ${app_role};
