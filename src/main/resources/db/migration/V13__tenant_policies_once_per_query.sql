-- Every tenant policy with the plain rule «organisation_id = current_organisation_id()» gets the same rule with the
-- organisation read once per query: as a plain call the function (current_setting and a text-to-uuid cast) runs for
-- every row a query reads; as a scalar subquery it is an InitPlan, computed once. V12 did this for attendance and
-- sessions, where it halved the activity figures (bench/RESULTS.md); the rule itself does not change.
DO $$
DECLARE
    p record;
BEGIN
    FOR p IN SELECT schemaname, tablename, policyname, with_check
               FROM pg_policies
              WHERE schemaname = current_schema()
                AND qual = '(organisation_id = current_organisation_id())'
    LOOP
        EXECUTE format('ALTER POLICY %I ON %I.%I USING (organisation_id = (SELECT current_organisation_id()))',
                       p.policyname, p.schemaname, p.tablename);
        IF p.with_check = '(organisation_id = current_organisation_id())' THEN
            EXECUTE format('ALTER POLICY %I ON %I.%I WITH CHECK (organisation_id = (SELECT current_organisation_id()))',
                           p.policyname, p.schemaname, p.tablename);
        END IF;
    END LOOP;
END
$$;

-- the organisation table is its own tenant
ALTER POLICY organisation_tenant ON organisation USING (id = (SELECT current_organisation_id()));
