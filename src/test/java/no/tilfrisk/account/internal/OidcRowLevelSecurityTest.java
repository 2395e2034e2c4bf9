package no.tilfrisk.account.internal;

import static no.tilfrisk.Demo.DEMO_RECOVERY;
import static no.tilfrisk.Demo.OTHER_ORGANISATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import no.tilfrisk.People;
import no.tilfrisk.RowLevelSecurity;
import no.tilfrisk.TestAccounts;
import no.tilfrisk.TilfriskTest;
import no.tilfrisk.account.Role;
import no.tilfrisk.platform.tenancy.Tenancy;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Row-level security around sign-in through OpenID Connect: an organisation sees and writes only its own provider
 * settings and account links; before sign-in only the two lookup functions answer, and never another's secret.
 */
@TilfriskTest
class OidcRowLevelSecurityTest {

    static final List<String> TABLES = List.of("oidc_provider", "oidc_link");

    @Autowired
    JdbcClient db;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    OidcProviders providers;
    @Autowired
    TestAccounts accounts;

    @Test
    void everyTableOfTheModuleHasRowLevelSecurityOnTheOrganisation() {
        RowLevelSecurity.assertTenantPolicyOn(db, TABLES);
    }

    @Test
    void anOrganisationSeesOnlyItsOwnProviderAndLinks() {
        People.asSystem(OTHER_ORGANISATION, () -> {
            providers.save(new OidcProviderForm("https://idp.annen.example", "annen", "annen-hemmelighet", "Annen ID",
                    "", false));
            return null;
        });
        TestAccounts.Account other = accounts.create(OTHER_ORGANISATION, Role.STAFF, Set.of());
        Tenancy.runAs(OTHER_ORGANISATION, () -> tx.executeWithoutResult(s -> db.sql("""
                        INSERT INTO oidc_link (organisation_id, issuer, subject, user_id) VALUES (?, ?, ?, ?)""")
                .params(OTHER_ORGANISATION, "https://idp.annen.example", "sub-" + UUID.randomUUID(), other.id()).update()));

        assertThat(count(DEMO_RECOVERY, "SELECT count(*) FROM oidc_provider WHERE organisation_id = ?")).isZero();
        assertThat(count(DEMO_RECOVERY, "SELECT count(*) FROM oidc_link WHERE organisation_id = ?")).isZero();
        assertThat(count(OTHER_ORGANISATION, "SELECT count(*) FROM oidc_provider WHERE organisation_id = ?")).isOne();
        int changed = Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s -> db.sql(
                "UPDATE oidc_provider SET enabled = true WHERE organisation_id = ?").param(OTHER_ORGANISATION).update()));
        assertThat(changed).isZero();
        assertThatThrownBy(() -> Tenancy.runAs(DEMO_RECOVERY, () -> tx.executeWithoutResult(s -> db.sql("""
                        INSERT INTO oidc_link (organisation_id, issuer, subject, user_id) VALUES (?, ?, ?, ?)""")
                .params(OTHER_ORGANISATION, "https://idp.annen.example", "inntrenger", other.id()).update())))
                .rootCause().hasMessageContaining("violates row-level security policy");
        assertThatThrownBy(() -> Tenancy.runAs(OTHER_ORGANISATION, () -> tx.executeWithoutResult(s ->
                db.sql("DELETE FROM oidc_link").update())))
                .rootCause().hasMessageContaining("permission denied");
        // a disabled provider is neither offered nor found before sign-in
        assertThat(db.sql("SELECT count(*) FROM oidc_provider_lookup(?)").param(OTHER_ORGANISATION)
                .query(Integer.class).single()).isZero();
        assertThat(providers.offered()).extracting(OidcProviders.Offered::organisationId)
                .doesNotContain(OTHER_ORGANISATION);
    }

    private int count(UUID organisation, String sql) {
        return Tenancy.runAs(organisation, () -> tx.execute(s ->
                db.sql(sql).param(OTHER_ORGANISATION).query(Integer.class).single()));
    }
}
