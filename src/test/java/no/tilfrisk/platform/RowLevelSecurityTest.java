package no.tilfrisk.platform;

import static no.tilfrisk.Demo.DEMO_RECOVERY;
import static no.tilfrisk.Demo.OTHER_ORGANISATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import no.tilfrisk.TilfriskTest;
import no.tilfrisk.platform.tenancy.Tenancy;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Row-level security is the second wall: a query that forgets its organisation filter still sees, changes and
 * writes only the current organisation's rows.
 */
@TilfriskTest
class RowLevelSecurityTest {

    @Autowired
    JdbcClient db;
    @Autowired
    TransactionTemplate tx;

    @Test
    void theApplicationRoleCannotBypassRowLevelSecurity() {
        var role = db.sql("SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user")
                .query((rs, i) -> List.of(rs.getBoolean(1), rs.getBoolean(2))).single();
        assertThat(role).containsExactly(false, false);
        Integer ownedTables = db.sql("SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user")
                .query(Integer.class).single();
        assertThat(ownedTables).isZero();
    }

    @Test
    void everyTenantPolicyReadsTheOrganisationOncePerQuery() {
        // the plain call would run for every row read; the scalar subquery (V12, V13) once per query
        List<String> perRow = db.sql("""
                        SELECT tablename || '.' || policyname FROM pg_policies
                         WHERE schemaname = 'public' AND (qual LIKE '%current_organisation_id()%' AND qual NOT LIKE '%SELECT current_organisation_id()%'
                            OR with_check LIKE '%current_organisation_id()%' AND with_check NOT LIKE '%SELECT current_organisation_id()%')
                         ORDER BY 1""").query(String.class).list();
        Integer tenantPolicies = db.sql("SELECT count(*) FROM pg_policies WHERE schemaname = 'public' AND qual LIKE '%SELECT current_organisation_id()%'")
                .query(Integer.class).single();
        assertThat(perRow).isEmpty();
        assertThat(tenantPolicies).isGreaterThan(30);
    }

    @Test
    void aQueryWithoutOrganisationFilterSeesOnlyItsOwnOrganisation() {
        List<UUID> demo = organisationsOfAllDepartments(DEMO_RECOVERY);
        List<UUID> other = organisationsOfAllDepartments(OTHER_ORGANISATION);

        assertThat(demo).isNotEmpty().containsOnly(DEMO_RECOVERY);
        assertThat(other).isNotEmpty().containsOnly(OTHER_ORGANISATION);
    }

    @Test
    void withoutAnOrganisationNothingIsVisible() {
        Integer visible = tx.execute(s -> db.sql("SELECT count(*) FROM department").query(Integer.class).single());
        Integer users = tx.execute(s -> db.sql("SELECT count(*) FROM app_user").query(Integer.class).single());
        assertThat(visible).isZero();
        assertThat(users).isZero();
    }

    @Test
    void anUpdateWithoutOrganisationFilterChangesNoOtherOrganisationsRows() {
        Tenancy.runAs(OTHER_ORGANISATION, () -> tx.executeWithoutResult(s -> {
            int changed = db.sql("UPDATE department SET updated_at = now()").update();
            assertThat(changed).isEqualTo(organisationsOfAllDepartments(OTHER_ORGANISATION).size());
        }));
    }

    @Test
    void aRowForAnotherOrganisationCannotBeWritten() {
        assertThatThrownBy(() -> Tenancy.runAs(OTHER_ORGANISATION, () -> tx.executeWithoutResult(s ->
                db.sql("INSERT INTO department (id, organisation_id, name) VALUES (?, ?, 'Smuglet')")
                        .params(UUID.randomUUID(), DEMO_RECOVERY).update())))
                .rootCause().hasMessageContaining("violates row-level security policy");
    }

    private List<UUID> organisationsOfAllDepartments(UUID organisation) {
        return Tenancy.runAs(organisation, () -> tx.execute(s ->
                db.sql("SELECT organisation_id FROM department").query(UUID.class).list()));
    }
}
