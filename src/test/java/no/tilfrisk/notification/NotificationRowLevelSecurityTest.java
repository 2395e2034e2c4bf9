package no.tilfrisk.notification;

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

/** Row-level security around the notification log: an organisation sees and writes only its own rows. */
@TilfriskTest
class NotificationRowLevelSecurityTest {

    static final List<String> TABLES = List.of("notification_log");

    @Autowired
    JdbcClient db;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    People people;

    @Test
    void everyTableOfTheModuleHasRowLevelSecurityOnTheOrganisation() {
        RowLevelSecurity.assertTenantPolicyOn(db, TABLES);
    }

    @Test
    void anOrganisationSeesOnlyItsOwnNoticesAndCannotWriteOrDeleteAnothersOrTheLog() {
        UUID person = people.register(OTHER_ORGANISATION, "Bergen", "Annen mottaker " + UUID.randomUUID());
        UUID notice = UUID.randomUUID();
        Tenancy.runAs(OTHER_ORGANISATION, () -> tx.executeWithoutResult(s -> db.sql("""
                        INSERT INTO notification_log (id, organisation_id, person_id, channel, kind, recipient, outcome)
                        VALUES (?, ?, ?, 'SMS', 'test.rls', '+4799999999', 'SENT')""")
                .params(notice, OTHER_ORGANISATION, person).update()));

        assertThat(count(DEMO_RECOVERY, notice)).isZero();
        assertThat(count(OTHER_ORGANISATION, notice)).isOne();
        int changed = Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s -> db.sql(
                "UPDATE notification_log SET outcome = 'FAILED' WHERE id = ?").param(notice).update()));
        assertThat(changed).isZero();
        assertThatThrownBy(() -> Tenancy.runAs(OTHER_ORGANISATION, () -> tx.executeWithoutResult(s -> db.sql("""
                        INSERT INTO notification_log (id, organisation_id, person_id, channel, kind, outcome)
                        VALUES (?, ?, ?, 'SMS', 'test.rls', 'SENT')""")
                .params(UUID.randomUUID(), DEMO_RECOVERY, person).update())))
                .rootCause().hasMessageContaining("violates row-level security policy");
        assertThatThrownBy(() -> Tenancy.runAs(OTHER_ORGANISATION, () -> tx.executeWithoutResult(s ->
                db.sql("DELETE FROM notification_log").update())))
                .rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> Tenancy.runAs(OTHER_ORGANISATION, () -> tx.executeWithoutResult(s ->
                db.sql("UPDATE notification_log SET kind = 'x.y' WHERE id = ?").param(notice).update())))
                .rootCause().hasMessageContaining("permission denied");
    }

    private int count(UUID organisation, UUID notice) {
        return Tenancy.runAs(organisation, () -> tx.execute(s -> db.sql(
                "SELECT count(*) FROM notification_log WHERE id = ?").param(notice).query(Integer.class).single()));
    }
}
