-- The goals a participant shares with their volunteer (issue 16, item 6) are picked from their plan instead of
-- written out again: the volunteer sees exactly those goals, in the participant's words as the plan has them, while
-- they are open, and nothing else of the plan. Chosen on «Min side» or by staff, per match.
CREATE TABLE volunteer_match_goal (
    match_id        uuid        NOT NULL REFERENCES volunteer_match (id),
    goal_id         uuid        NOT NULL REFERENCES plan_goal (id),
    organisation_id uuid        NOT NULL REFERENCES organisation (id),
    chosen_at       timestamptz NOT NULL DEFAULT now(),
    chosen_by       uuid,
    PRIMARY KEY (match_id, goal_id)
);
CREATE INDEX volunteer_match_goal_organisation_idx ON volunteer_match_goal (organisation_id);
CREATE INDEX volunteer_match_goal_goal_idx ON volunteer_match_goal (goal_id);

ALTER TABLE volunteer_match_goal ENABLE ROW LEVEL SECURITY;
CREATE POLICY volunteer_match_goal_tenant ON volunteer_match_goal
    USING (organisation_id = (SELECT current_organisation_id()))
    WITH CHECK (organisation_id = (SELECT current_organisation_id()));
-- a new choice replaces the old one
GRANT SELECT, INSERT, DELETE ON volunteer_match_goal TO ${app_role};

-- The free text written before becomes the participant's goals it names: a goal whose words it contains, or that
-- contains it (case aside). Text that names no goal of the plan is not kept: the volunteer may see only goals from
-- the plan, and staff or the participant choose them anew.
INSERT INTO volunteer_match_goal (match_id, goal_id, organisation_id)
SELECT DISTINCT m.id, g.id, m.organisation_id
  FROM volunteer_match m
  JOIN plan_goal g ON g.person_id = m.participant_id AND g.organisation_id = m.organisation_id
 WHERE m.shared_goals IS NOT NULL
   AND (position(lower(g.text) IN lower(m.shared_goals)) > 0 OR position(lower(m.shared_goals) IN lower(g.text)) > 0);
ALTER TABLE volunteer_match DROP COLUMN shared_goals;
