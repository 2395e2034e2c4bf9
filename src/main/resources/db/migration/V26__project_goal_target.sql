-- the share of the project's participants the project means to bring to their main goals (seed 003: «80 % av
-- deltakerne har oppnådd sine hovedmål»), in whole per cent; the funder report sets the result beside it
ALTER TABLE project ADD COLUMN goal_target_percent int CHECK (goal_target_percent BETWEEN 1 AND 100);
GRANT UPDATE (goal_target_percent) ON project TO ${app_role};
