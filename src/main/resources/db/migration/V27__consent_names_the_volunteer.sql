-- Sharing with a volunteer names the volunteer (issue 16, item 7), as sharing with a partner names the partner: a
-- participant's yes to share name, phone and chosen goals with Frida reaches Frida only, never the next volunteer
-- they are matched with. It is given when the participant says yes to a match (on «Min side», or recorded by staff),
-- and withdrawing it hides the participant from that volunteer at once.
ALTER TABLE consent ADD COLUMN volunteer_id uuid REFERENCES person (id);
CREATE INDEX consent_volunteer_idx ON consent (volunteer_id) WHERE volunteer_id IS NOT NULL;

-- one consent in force per purpose and relative, partner or volunteer
DROP INDEX consent_in_force_uq;
CREATE UNIQUE INDEX consent_in_force_uq ON consent (person_id, purpose, coalesce(relative_id::text, ''),
                                                    coalesce(volunteer_id::text, ''), lower(coalesce(partner, '')))
    WHERE withdrawn_at IS NULL;

-- A general consent in force covered whichever volunteer the participant had: it becomes one named consent per
-- volunteer of their open matches, given when and how the general one was. The general ones are then withdrawn
-- (by no user: the change of rule), so none is left that names no one.
INSERT INTO consent (id, organisation_id, person_id, purpose, volunteer_id, given_at, given_by, method)
SELECT gen_random_uuid(), c.organisation_id, c.person_id, 'SHARE_WITH_VOLUNTEER', m.volunteer_id, c.given_at,
       c.given_by, c.method
  FROM consent c
  JOIN (SELECT DISTINCT organisation_id, participant_id, volunteer_id FROM volunteer_match WHERE state <> 'ENDED') m
    ON m.participant_id = c.person_id AND m.organisation_id = c.organisation_id
 WHERE c.purpose = 'SHARE_WITH_VOLUNTEER' AND c.volunteer_id IS NULL AND c.withdrawn_at IS NULL;
UPDATE consent SET withdrawn_at = now()
 WHERE purpose = 'SHARE_WITH_VOLUNTEER' AND volunteer_id IS NULL AND withdrawn_at IS NULL;

ALTER TABLE consent ADD CONSTRAINT consent_volunteer_purpose CHECK (volunteer_id IS NULL OR purpose = 'SHARE_WITH_VOLUNTEER');
ALTER TABLE consent ADD CONSTRAINT consent_volunteer_named
    CHECK (purpose <> 'SHARE_WITH_VOLUNTEER' OR volunteer_id IS NOT NULL OR withdrawn_at IS NOT NULL);
