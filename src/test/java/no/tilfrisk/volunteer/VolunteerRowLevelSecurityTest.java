package no.tilfrisk.volunteer;

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
 * Row-level security as the second wall around the volunteer tables: a query that forgets its organisation sees
 * only its own rows, on every table, and cannot write a row for another organisation.
 */
@TilfriskTest
class VolunteerRowLevelSecurityTest {

    static final List<String> TABLES = List.of("volunteer_setting", "volunteer_profile", "volunteer_screening",
            "volunteer_wish", "volunteer_match", "volunteer_match_event", "volunteer_check_in", "volunteer_meeting",
            "volunteer_match_goal");

    @Autowired
    JdbcClient db;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    VolunteerFixtures fixtures;
    @Autowired
    Volunteers volunteers;
    @Autowired
    Matches matches;

    @Test
    void everyTableOfTheModuleHasRowLevelSecurityOnTheOrganisation() {
        RowLevelSecurity.assertTenantPolicyOn(db, TABLES);
    }

    @Test
    void eachOrganisationSeesOnlyItsOwnRowsOnEveryTableAndCannotWriteAnothers() {
        // a row in every table for both organisations
        for (UUID org : List.of(DEMO_RECOVERY, OTHER_ORGANISATION)) {
            String department = org.equals(DEMO_RECOVERY) ? "Skien" : "Bergen";
            UUID volunteer = fixtures.volunteer(org, department, "RLS frivillig " + UUID.randomUUID(), fixtures.today().minusDays(30));
            UUID participant = fixtures.participant(org, department, "RLS deltaker " + UUID.randomUUID(), true);
            UUID match = fixtures.active(org, volunteer, participant);
            People.asSystem(org, () -> {
                volunteers.setPoliceCertificateYears(3);
                matches.checkIn(match, CheckIn.WEEK_2);
                return null;
            });
        }
        for (String table : TABLES) {
            assertThat(organisations(DEMO_RECOVERY, table)).as(table).containsOnly(DEMO_RECOVERY);
            assertThat(organisations(OTHER_ORGANISATION, table)).as(table).containsOnly(OTHER_ORGANISATION);
            assertThat(organisations(null, table)).as(table + " without an organisation").isEmpty();
        }
        UUID otherMatch = Tenancy.runAs(OTHER_ORGANISATION, () -> tx.execute(s ->
                db.sql("SELECT id FROM volunteer_match LIMIT 1").query(UUID.class).single()));
        Integer changed = Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s ->
                db.sql("UPDATE volunteer_match SET updated_at = now() WHERE id = ?").param(otherMatch).update()));
        assertThat(changed).isZero();
        assertThatThrownBy(() -> Tenancy.runAs(DEMO_RECOVERY, () -> tx.executeWithoutResult(s ->
                db.sql("""
                                INSERT INTO volunteer_meeting (id, organisation_id, match_id, met_on, hours, what)
                                VALUES (?, ?, ?, current_date, 1, 'TALK')""")
                        .params(UUID.randomUUID(), OTHER_ORGANISATION, otherMatch).update())))
                .rootCause().hasMessageContaining("violates row-level security policy");
    }

    @Test
    void theAppCannotDeleteMatchesOrMeetingsNorLogImpossibleHours() {
        Tenancy.runAs(DEMO_RECOVERY, () -> {
            assertThatThrownBy(() -> tx.executeWithoutResult(s -> db.sql("DELETE FROM volunteer_match").update()))
                    .rootCause().hasMessageContaining("permission denied");
            assertThatThrownBy(() -> tx.executeWithoutResult(s -> db.sql("DELETE FROM volunteer_meeting").update()))
                    .rootCause().hasMessageContaining("permission denied");
            assertThatThrownBy(() -> tx.executeWithoutResult(s -> db.sql("UPDATE volunteer_meeting SET hours = 25").update()))
                    .rootCause().hasMessageContaining("permission denied");
        });
    }

    private List<UUID> organisations(UUID organisation, String table) {
        if (organisation == null) {
            return tx.execute(s -> db.sql("SELECT DISTINCT organisation_id FROM " + table).query(UUID.class).list());
        }
        return Tenancy.runAs(organisation, () -> tx.execute(s ->
                db.sql("SELECT DISTINCT organisation_id FROM " + table).query(UUID.class).list()));
    }
}
