package no.tilfrisk.plan;

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

/** Row-level security as the second wall around mappings and plans: a query that forgets its organisation sees only its own. */
@TilfriskTest
class PlanRowLevelSecurityTest {

    static final List<String> TABLES = List.of("plan_interest", "plan_mapping", "plan_mapping_area",
            "plan_mapping_interest", "plan_goal", "plan_action", "plan_evaluation", "plan_proposal", "plan_change");

    @Autowired
    JdbcClient db;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    People people;
    @Autowired
    Plans plans;
    @Autowired
    Mappings mappings;

    @Test
    void everyTableOfTheModuleHasRowLevelSecurityOnTheOrganisation() {
        RowLevelSecurity.assertTenantPolicyOn(db, TABLES);
    }

    @Test
    void aQueryWithoutOrganisationFilterSeesOnlyItsOwnPlansAndCannotWriteAnothersRows() {
        UUID person = people.register(OTHER_ORGANISATION, "Bergen", "Annen plan " + UUID.randomUUID());
        UUID goal = People.asSystem(OTHER_ORGANISATION, () -> tx.execute(s -> {
            MappingForm mapping = PlanTest.mapping(PlanTest.today()).area(LifeArea.HOUSING, 4, "Ord");
            mapping.setNewInterests("Annen interesse");
            mappings.record(UUID.randomUUID(), person, mapping);
            UUID g = plans.addGoal(UUID.randomUUID(), person, PlanTest.goal(LifeArea.HOUSING, "Annet mål"));
            plans.addAction(UUID.randomUUID(), person, g, PlanTest.action("Tiltak", Responsible.PARTICIPANT, null, null));
            return g;
        }));
        for (String table : TABLES) {
            assertThat(organisations(DEMO_RECOVERY, table)).as(table).doesNotContain(OTHER_ORGANISATION);
        }
        for (String table : List.of("plan_mapping", "plan_goal", "plan_action", "plan_change", "plan_interest")) {
            assertThat(organisations(DEMO_RECOVERY, table)).as(table).isNotEmpty(); // the demo data
            assertThat(organisations(OTHER_ORGANISATION, table)).as(table).isNotEmpty().containsOnly(OTHER_ORGANISATION);
        }
        Integer changed = Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s ->
                db.sql("UPDATE plan_goal SET text = 'Kapret' WHERE id = ?").param(goal).update()));
        assertThat(changed).isZero();
        assertThatThrownBy(() -> Tenancy.runAs(OTHER_ORGANISATION, () -> tx.executeWithoutResult(s ->
                db.sql("""
                        INSERT INTO plan_change (id, organisation_id, person_id, entity, entity_id, field_group, after)
                        VALUES (?, ?, ?, 'GOAL', ?, 'changed', '{}')""")
                        .params(UUID.randomUUID(), DEMO_RECOVERY, person, goal).update())))
                .rootCause().hasMessageContaining("violates row-level security policy");
    }

    @Test
    void theAppCannotDeletePlanRecordsNorChangeWhoseTheyAre() {
        Tenancy.runAs(DEMO_RECOVERY, () -> {
            for (String table : List.of("plan_goal", "plan_action", "plan_change", "plan_mapping", "plan_proposal")) {
                assertThatThrownBy(() -> tx.executeWithoutResult(s -> db.sql("DELETE FROM " + table).update()))
                        .as(table).rootCause().hasMessageContaining("permission denied");
                assertThatThrownBy(() -> tx.executeWithoutResult(s ->
                        db.sql("UPDATE " + table + " SET person_id = person_id").update()))
                        .as(table).rootCause().hasMessageContaining("permission denied");
            }
        });
    }

    private List<UUID> organisations(UUID organisation, String table) {
        return Tenancy.runAs(organisation, () -> tx.execute(s ->
                db.sql("SELECT DISTINCT organisation_id FROM " + table).query(UUID.class).list()));
    }
}
