package no.tilfrisk.partner;

import static no.tilfrisk.Demo.DEMO_RECOVERY;
import static no.tilfrisk.Demo.OTHER_ORGANISATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import no.tilfrisk.People;
import no.tilfrisk.RowLevelSecurity;
import no.tilfrisk.TilfriskTest;
import no.tilfrisk.platform.tenancy.Tenancy;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Row-level security around the partner register: an organisation sees and writes only its own partner
 * organisations and partner accounts; and the partner policies (V36) on the person and plan tables.
 */
@TilfriskTest
class PartnerRowLevelSecurityTest {

    static final List<String> TABLES = List.of("partner_organisation", "partner_account");

    @Autowired
    JdbcClient db;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    PartnerOrganisations partners;

    @Test
    void everyTableOfTheModuleHasRowLevelSecurityOnTheOrganisation() {
        RowLevelSecurity.assertTenantPolicyOn(db, TABLES);
        // the partner wall beside the tenant policy (RowLevelSecurity checks what a restrictive policy may be)
        RowLevelSecurity.assertTenantPolicyOn(db, List.of("person", "plan_goal"));
        assertThat(db.sql("SELECT tablename FROM pg_policies WHERE permissive <> 'PERMISSIVE' ORDER BY 1")
                .query(String.class).list()).contains("person", "plan_goal");
    }

    @Test
    void anOrganisationSeesOnlyItsOwnPartnersAndCannotWriteAnothers() {
        UUID partner = UUID.randomUUID();
        People.asSystem(OTHER_ORGANISATION, () -> tx.execute(s ->
                partners.create(partner, new PartnerOrganisationForm("Annen NAV " + partner, PartnerKind.NAV))));
        assertThat(count(DEMO_RECOVERY, partner)).isZero();
        assertThat(count(OTHER_ORGANISATION, partner)).isOne();
        int changed = Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s ->
                db.sql("UPDATE partner_organisation SET active = false WHERE id = ?").param(partner).update()));
        assertThat(changed).isZero();
        UUID demoUser = Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s ->
                db.sql("SELECT id FROM app_user WHERE email = 'ansatt@demo.tilfrisk.no'").query(UUID.class).single()));
        assertThatThrownBy(() -> Tenancy.runAs(DEMO_RECOVERY, () -> tx.executeWithoutResult(s -> db.sql("""
                        INSERT INTO partner_account (user_id, organisation_id, partner_organisation_id) VALUES (?, ?, ?)""")
                .params(demoUser, OTHER_ORGANISATION, partner).update())))
                .rootCause().hasMessageContaining("violates row-level security policy");
        assertThatThrownBy(() -> Tenancy.runAs(OTHER_ORGANISATION, () -> tx.executeWithoutResult(s ->
                db.sql("DELETE FROM partner_organisation").update())))
                .rootCause().hasMessageContaining("permission denied");
    }

    private int count(UUID organisation, UUID partner) {
        return Tenancy.runAs(organisation, () -> tx.execute(s -> db.sql(
                "SELECT count(*) FROM partner_organisation WHERE id = ?").param(partner).query(Integer.class).single()));
    }
}
