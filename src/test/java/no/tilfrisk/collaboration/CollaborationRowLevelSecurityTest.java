package no.tilfrisk.collaboration;

import static no.tilfrisk.Demo.DEMO_RECOVERY;
import static no.tilfrisk.Demo.OTHER_ORGANISATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
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

/** Row-level security as the second wall around the register: a query that forgets its organisation sees only its own. */
@TilfriskTest
class CollaborationRowLevelSecurityTest {

    @Autowired
    JdbcClient db;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    CollaborationRegister register;

    @Test
    void theTableHasRowLevelSecurityOnTheOrganisation() {
        RowLevelSecurity.assertTenantPolicyOn(db, List.of("collaboration_record"));
    }

    @Test
    void aQueryWithoutOrganisationFilterSeesOnlyItsOwnRecordsAndCannotTouchAnothers() {
        UUID other = People.asSystem(OTHER_ORGANISATION, () -> {
            CollaborationForm form = CollaborationForm.of(CollaborationKind.BOARD_MEETING, LocalDate.of(2024, 5, 2));
            return register.create(UUID.randomUUID(), form);
        });
        assertThat(organisations(DEMO_RECOVERY)).isNotEmpty().containsOnly(DEMO_RECOVERY);
        assertThat(organisations(OTHER_ORGANISATION)).isNotEmpty().containsOnly(OTHER_ORGANISATION);
        Integer changed = Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s ->
                db.sql("UPDATE collaboration_record SET note = 'x' WHERE id = ?").param(other).update()));
        Integer deleted = Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s ->
                db.sql("DELETE FROM collaboration_record WHERE id = ?").param(other).update()));
        assertThat(changed).isZero();
        assertThat(deleted).isZero();
        assertThat(organisations(OTHER_ORGANISATION)).isNotEmpty();
        assertThatThrownBy(() -> Tenancy.runAs(OTHER_ORGANISATION, () -> tx.executeWithoutResult(s ->
                db.sql("""
                        INSERT INTO collaboration_record (id, organisation_id, kind, starts_on)
                        VALUES (?, ?, 'BOARD_MEETING', DATE '2024-01-01')""")
                        .params(UUID.randomUUID(), DEMO_RECOVERY).update())))
                .rootCause().hasMessageContaining("violates row-level security policy");
    }

    @Test
    void theAppCannotMoveARecordToAnotherOrganisationNorChangeItsKindOrCreator() {
        Tenancy.runAs(DEMO_RECOVERY, () -> {
            for (String column : List.of("organisation_id", "kind", "created_by", "created_at")) {
                assertThatThrownBy(() -> tx.executeWithoutResult(s ->
                        db.sql("UPDATE collaboration_record SET " + column + " = " + column).update()))
                        .as(column).rootCause().hasMessageContaining("permission denied");
            }
        });
    }

    private List<UUID> organisations(UUID organisation) {
        return Tenancy.runAs(organisation, () -> tx.execute(s ->
                db.sql("SELECT DISTINCT organisation_id FROM collaboration_record").query(UUID.class).list()));
    }
}
