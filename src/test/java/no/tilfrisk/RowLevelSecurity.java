package no.tilfrisk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What every module's row-level security test checks first: each of its tables is behind the tenant policy. */
public final class RowLevelSecurity {

    private RowLevelSecurity() {
    }

    /** Each table has row-level security on and one policy, on the current organisation. */
    public static void assertTenantPolicyOn(JdbcClient db, List<String> tables) {
        assertThat(tables).isNotEmpty();
        for (String table : tables) {
            boolean enabled = db.sql("SELECT relrowsecurity FROM pg_class WHERE relname = ? AND relkind = 'r'")
                    .param(table).query(Boolean.class).single();
            List<String> policies = db.sql("SELECT qual FROM pg_policies WHERE tablename = ?").param(table)
                    .query(String.class).list();
            assertThat(enabled).as(table).isTrue();
            assertThat(policies).as(table).singleElement().asString().contains("current_organisation_id()");
        }
    }
}
