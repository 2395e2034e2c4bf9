package no.tilfrisk.dashboard;

import static no.tilfrisk.Demo.DEMO_RECOVERY;
import static no.tilfrisk.Demo.OTHER_ORGANISATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import no.tilfrisk.RowLevelSecurity;
import no.tilfrisk.TilfriskTest;
import no.tilfrisk.account.TilfriskUser;
import no.tilfrisk.platform.tenancy.Tenancy;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

/** Row-level security around the start page's visits (V15.1): one organisation neither sees nor writes another's. */
@TilfriskTest
class DashboardRowLevelSecurityTest {

    static final List<String> TABLES = List.of("start_page_visit");

    @Autowired
    JdbcClient db;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    UserDetailsService accounts;
    @Autowired
    StartPageVisits visits;

    @Test
    void everyTableOfTheModuleHasRowLevelSecurityOnTheOrganisation() {
        RowLevelSecurity.assertTenantPolicyOn(db, TABLES);
    }

    @Test
    void oneOrganisationNeitherSeesNorWritesAnothersVisits() {
        UUID other = ((TilfriskUser) accounts.loadUserByUsername("admin@annen.tilfrisk.no")).userId();
        Tenancy.runAs(OTHER_ORGANISATION, () -> visits.visit(other));
        List<UUID> seen = Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s -> db.sql(
                "SELECT organisation_id FROM start_page_visit").query(UUID.class).list()));
        assertThat(seen).doesNotContain(OTHER_ORGANISATION);
        Integer changed = Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s -> db.sql(
                "UPDATE start_page_visit SET last_visit_at = now() WHERE user_id = ?").param(other).update()));
        assertThat(changed).isZero();
        assertThatThrownBy(() -> Tenancy.runAs(OTHER_ORGANISATION, () -> tx.executeWithoutResult(s -> db.sql(
                        "INSERT INTO start_page_visit (user_id, organisation_id, last_visit_at) VALUES (?, ?, now())")
                .params(UUID.randomUUID(), DEMO_RECOVERY).update())))
                .rootCause().hasMessageContaining("row-level security");
    }
}
