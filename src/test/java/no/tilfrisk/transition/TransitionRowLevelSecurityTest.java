package no.tilfrisk.transition;

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
import no.tilfrisk.account.TilfriskUser;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.platform.web.Dates;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

/** Row-level security as the second wall around transitions: a query that forgets its organisation sees only its own. */
@TilfriskTest
class TransitionRowLevelSecurityTest {

    static final List<String> TABLES = List.of("transition_institution", "transition_checklist_extra", "transition",
            "transition_date_move", "transition_checklist_item", "transition_item_event", "transition_alert",
            "transition_alert_email");

    @Autowired
    JdbcClient db;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    People people;
    @Autowired
    Transitions transitions;
    @Autowired
    TransitionSettings settings;
    @Autowired
    TransitionAlerts alerts;
    @Autowired
    UserDetailsService accounts;

    @Test
    void everyTableOfTheModuleHasRowLevelSecurityOnTheOrganisation() {
        RowLevelSecurity.assertTenantPolicyOn(db, TABLES);
    }

    @Test
    void aQueryWithoutOrganisationFilterSeesOnlyItsOwnTransitionsAndCannotWriteAnothersRows() {
        UUID person = people.register(OTHER_ORGANISATION, "Bergen", "Annen overgang " + UUID.randomUUID());
        UUID admin = ((TilfriskUser) accounts.loadUserByUsername("admin@annen.tilfrisk.no")).userId();
        LocalDate today = LocalDate.now(Dates.OSLO);
        UUID id = People.asSystem(OTHER_ORGANISATION, () -> {
            settings.addExtra(UUID.randomUUID(), "Eget punkt " + UUID.randomUUID());
            TransitionForm form = new TransitionForm(TransitionKind.DISCHARGE_TSB, null, today.plusDays(10));
            form.setCoordinatorId(admin);
            UUID t = transitions.create(UUID.randomUUID(), person, form);
            transitions.moveDate(t, today.plusDays(20), "Flyttet");
            ChecklistItem gp = transitions.get(t).items().get(0);
            transitions.updateItem(gp.id(), new ItemUpdate(ItemStatus.IN_PROGRESS, null), Actor.STAFF);
            alerts.makeAlerts();
            return t;
        });
        People.as(accounts.loadUserByUsername("admin@annen.tilfrisk.no"), () -> {
            alerts.chooseEmail(true);
            return null;
        });
        for (String table : TABLES) {
            assertThat(organisations(DEMO_RECOVERY, table)).as(table).doesNotContain(OTHER_ORGANISATION);
            assertThat(organisations(OTHER_ORGANISATION, table)).as(table).isNotEmpty().containsOnly(OTHER_ORGANISATION);
        }
        Integer changed = Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s ->
                db.sql("UPDATE transition SET own_words = 'x' WHERE id = ?").param(id).update()));
        assertThat(changed).isZero();
        assertThatThrownBy(() -> Tenancy.runAs(OTHER_ORGANISATION, () -> tx.executeWithoutResult(s ->
                db.sql("""
                                INSERT INTO transition_date_move (id, organisation_id, transition_id, from_date, to_date, reason)
                                VALUES (?, ?, ?, ?, ?, 'x')""")
                        .params(UUID.randomUUID(), DEMO_RECOVERY, id, today, today).update())))
                .rootCause().hasMessageContaining("violates row-level security policy");
    }

    @Test
    void theAppCannotDeleteTransitionsNorRewriteTheirHistory() {
        Tenancy.runAs(DEMO_RECOVERY, () -> {
            for (String table : List.of("transition", "transition_checklist_item", "transition_alert", "transition_item_event")) {
                assertThatThrownBy(() -> tx.executeWithoutResult(s -> db.sql("DELETE FROM " + table).update()))
                        .as(table).rootCause().hasMessageContaining("permission denied");
            }
            assertThatThrownBy(() -> tx.executeWithoutResult(s ->
                    db.sql("UPDATE transition_date_move SET to_date = to_date").update()))
                    .rootCause().hasMessageContaining("permission denied");
        });
    }

    private List<UUID> organisations(UUID organisation, String table) {
        return Tenancy.runAs(organisation, () -> tx.execute(s ->
                db.sql("SELECT DISTINCT organisation_id FROM " + table).query(UUID.class).list()));
    }
}
