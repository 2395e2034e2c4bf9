package no.tilfrisk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What every module's row-level security test checks first: each of its tables is behind the tenant policy. */
public final class RowLevelSecurity {

    private RowLevelSecurity() {
    }

    /**
     * Each table has row-level security on and one permissive policy, on the current organisation. Any restrictive
     * policy beside it narrows further, and may only be the partner wall (V36: a partner sees a person only with
     * consent in force).
     */
    public static void assertTenantPolicyOn(JdbcClient db, List<String> tables) {
        assertThat(tables).isNotEmpty();
        for (String table : tables) {
            boolean enabled = db.sql("SELECT relrowsecurity FROM pg_class WHERE relname = ? AND relkind = 'r'")
                    .param(table).query(Boolean.class).single();
            List<String> policies = db.sql("SELECT qual FROM pg_policies WHERE tablename = ? AND permissive = 'PERMISSIVE'")
                    .param(table).query(String.class).list();
            List<String> restrictive = db.sql("SELECT qual FROM pg_policies WHERE tablename = ? AND permissive <> 'PERMISSIVE'")
                    .param(table).query(String.class).list();
            assertThat(restrictive).as(table).allSatisfy(q -> assertThat(q).contains("current_partner_user_id()"));
            assertThat(enabled).as(table).isTrue();
            assertThat(policies).as(table).singleElement().asString().contains("current_organisation_id()");
        }
    }
}
