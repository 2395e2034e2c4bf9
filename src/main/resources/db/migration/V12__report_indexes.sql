-- For the annual report (bench/report.sh, bench/RESULTS.md «The annual report»).

-- PersonLookup.roleCounts reads one organisation's roles and memberships: without these it read every
-- organisation's rows (a sequential scan of 120,000 rows each in the L set, 43 ms of the query; 4 ms with them).
CREATE INDEX person_role_organisation_idx ON person_role (organisation_id);
CREATE INDEX person_department_organisation_idx ON person_department (organisation_id);

-- The same rule as before, with the organisation read once per query instead of once per row: as a plain call the
-- policy's current_organisation_id() (current_setting and a text-to-uuid cast) was evaluated for every attendance
-- and session row counted, which was half the time of the activity figures (Activities.list for one organisation
-- in the L set 41 → 21 ms). Written as a scalar subquery it is an InitPlan, computed once. Only the two tables that
-- counting reads by the thousand are changed.
ALTER POLICY attendance_tenant ON attendance
    USING (organisation_id = (SELECT current_organisation_id()))
    WITH CHECK (organisation_id = (SELECT current_organisation_id()));
ALTER POLICY activity_session_tenant ON activity_session
    USING (organisation_id = (SELECT current_organisation_id()))
    WITH CHECK (organisation_id = (SELECT current_organisation_id()));
