-- Issue 17, what was left: a decision of the responsibility group may become an item of the person's open
-- transition's checklist (the user picks: an action in the plan or a checklist item), so it is followed up with the
-- other readiness items and their alerts. The item is the transition module's; like plan_action_id (V38) the
-- column names it without a foreign key across modules. A decision becomes one or the other, not both.

ALTER TABLE care_decision
    ADD COLUMN checklist_item_id uuid,
    ADD CONSTRAINT care_decision_one_target_ck CHECK (plan_action_id IS NULL OR checklist_item_id IS NULL);

-- When a meeting is set, the members hear of it (fixed words, no health details, never twice; through the
-- notification module): the person and a relative by the channels they consent to, a staff member or coordinator
-- by e-mail when this choice of theirs is on.
ALTER TABLE care_group_member ADD COLUMN notify_email boolean NOT NULL DEFAULT false;
