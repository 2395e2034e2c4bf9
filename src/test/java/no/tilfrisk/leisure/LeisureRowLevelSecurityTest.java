package no.tilfrisk.leisure;

import static no.tilfrisk.Demo.DEMO_RECOVERY;
import static no.tilfrisk.Demo.OTHER_ORGANISATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
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
 * Row-level security as the second wall around the leisure tables: a query that forgets its organisation sees only
 * its own rows, on every table, and cannot write a row for another organisation; nothing can be deleted.
 */
@TilfriskTest
class LeisureRowLevelSecurityTest {

    static final List<String> TABLES = List.of("leisure_club", "leisure_process", "leisure_step", "leisure_decision",
            "leisure_decision_hours", "leisure_check_in", "leisure_equipment", "leisure_loan");

    @Autowired
    JdbcClient db;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    LeisureFixtures fixtures;
    @Autowired
    People people;
    @Autowired
    Decisions decisions;

    @Test
    void everyTableOfTheModuleHasRowLevelSecurityOnTheOrganisation() {
        RowLevelSecurity.assertTenantPolicyOn(db, TABLES);
    }

    @Test
    void eachOrganisationSeesOnlyItsOwnRowsOnEveryTableAndCannotWriteAnothers() {
        for (UUID org : List.of(DEMO_RECOVERY, OTHER_ORGANISATION)) {
            String department = org.equals(DEMO_RECOVERY) ? "Skien" : "Bergen";
            UUID participant = people.register(org, department, "RLS deltaker " + UUID.randomUUID());
            UUID club = fixtures.club(org, "RLS klubb " + UUID.randomUUID());
            UUID facilitator = fixtures.facilitator(org, department, "RLS tilrettelegger");
            UUID process = fixtures.process(org, participant, 400);
            fixtures.stepsTo(org, process, Step.FOLLOW_UP, fixtures.today().minusDays(300), club, facilitator);
            // every check-in due by now answered, so that these processes crowd no one's «Mine oppgaver»
            for (CheckInDue due : List.of(CheckInDue.WEEK_2, CheckInDue.MONTH_1, CheckInDue.MONTH_3, CheckInDue.MONTH_6)) {
                fixtures.answer(org, process, due, 7, true, true);
            }
            UUID decision = fixtures.decision(org, process, fixtures.today().minusDays(30), fixtures.today().plusDays(100), "5");
            People.asSystem(org, () -> {
                HoursForm h = new HoursForm();
                h.setUsedOn(fixtures.today());
                h.setHours(BigDecimal.ONE);
                return decisions.logHours(UUID.randomUUID(), process, decision, h);
            });
            UUID item = fixtures.item(org, department, "RLS kamera");
            fixtures.loan(org, item, participant, fixtures.today(), fixtures.today().plusDays(10));
        }
        for (String table : TABLES) {
            assertThat(organisations(DEMO_RECOVERY, table)).as(table).containsOnly(DEMO_RECOVERY);
            assertThat(organisations(OTHER_ORGANISATION, table)).as(table).containsOnly(OTHER_ORGANISATION);
            assertThat(organisations(null, table)).as(table + " without an organisation").isEmpty();
        }
        UUID otherProcess = Tenancy.runAs(OTHER_ORGANISATION, () -> tx.execute(s ->
                db.sql("SELECT id FROM leisure_process LIMIT 1").query(UUID.class).single()));
        Integer changed = Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s ->
                db.sql("UPDATE leisure_process SET wishes = 'x' WHERE id = ?").param(otherProcess).update()));
        assertThat(changed).isZero();
        assertThatThrownBy(() -> Tenancy.runAs(DEMO_RECOVERY, () -> tx.executeWithoutResult(s ->
                db.sql("""
                                INSERT INTO leisure_step (id, organisation_id, process_id, step, done_on)
                                VALUES (?, ?, ?, 'INFORMATION_MEETING', current_date)""")
                        .params(UUID.randomUUID(), OTHER_ORGANISATION, otherProcess).update())))
                .rootCause().hasMessageContaining("violates row-level security policy");
    }

    @Test
    void theAppCannotDeleteNorChangeAnsweredCheckInsNorRecordImpossibleValues() {
        Tenancy.runAs(DEMO_RECOVERY, () -> {
            for (String table : TABLES) {
                assertThatThrownBy(() -> tx.executeWithoutResult(s -> db.sql("DELETE FROM " + table).update()))
                        .as(table).rootCause().hasMessageContaining("permission denied");
            }
            assertThatThrownBy(() -> tx.executeWithoutResult(s -> db.sql("UPDATE leisure_check_in SET rating = 3").update()))
                    .rootCause().hasMessageContaining("permission denied");
            assertThatThrownBy(() -> tx.executeWithoutResult(s -> db.sql("UPDATE leisure_decision_hours SET hours = 1").update()))
                    .rootCause().hasMessageContaining("permission denied");
        });
        UUID participant = people.register(DEMO_RECOVERY, "Skien", "RLS grenser " + UUID.randomUUID());
        UUID process = fixtures.process(DEMO_RECOVERY, participant, 10);
        // the database's own checks: a rating of 11, «still active» without six months of follow-up
        assertThatThrownBy(() -> Tenancy.runAs(DEMO_RECOVERY, () -> tx.executeWithoutResult(s -> db.sql("""
                        INSERT INTO leisure_check_in (process_id, organisation_id, due, answered_on, rating, still_taking_part,
                                                      valued_role, by_participant)
                        VALUES (?, ?, 'WEEK_2', current_date, 11, true, true, false)""")
                .params(process, DEMO_RECOVERY).update()))).rootCause().hasMessageContaining("check constraint");
        assertThatThrownBy(() -> Tenancy.runAs(DEMO_RECOVERY, () -> tx.executeWithoutResult(s -> db.sql("""
                        UPDATE leisure_process SET outcome = 'STILL_ACTIVE', ended_on = current_date WHERE id = ?""")
                .param(process).update()))).rootCause().hasMessageContaining("check constraint");
    }

    private List<UUID> organisations(UUID organisation, String table) {
        if (organisation == null) {
            return tx.execute(s -> db.sql("SELECT DISTINCT organisation_id FROM " + table).query(UUID.class).list());
        }
        return Tenancy.runAs(organisation, () -> tx.execute(s ->
                db.sql("SELECT DISTINCT organisation_id FROM " + table).query(UUID.class).list()));
    }
}
