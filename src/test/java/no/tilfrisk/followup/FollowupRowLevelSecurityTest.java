package no.tilfrisk.followup;

import static no.tilfrisk.Demo.DEMO_RECOVERY;
import static no.tilfrisk.Demo.OTHER_ORGANISATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalTime;
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

/** Row-level security as the second wall around the contact log: a query that forgets its organisation sees only its own. */
@TilfriskTest
class FollowupRowLevelSecurityTest {

    static final List<String> TABLES = List.of("contact", "contact_staff", "contact_relative", "contact_tally");

    @Autowired
    JdbcClient db;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    People people;
    @Autowired
    ContactLog contacts;
    @Autowired
    UserDetailsService accounts;

    @Test
    void everyTableOfTheModuleHasRowLevelSecurityOnTheOrganisation() {
        RowLevelSecurity.assertTenantPolicyOn(db, TABLES);
    }

    @Test
    void aQueryWithoutOrganisationFilterSeesOnlyItsOwnContactsAndCannotWriteAnothersRows() {
        UUID person = people.register(OTHER_ORGANISATION, "Bergen", "Annen kontakt " + UUID.randomUUID());
        UUID admin = ((TilfriskUser) accounts.loadUserByUsername("admin@annen.tilfrisk.no")).userId();
        UUID contact = People.asSystem(OTHER_ORGANISATION, () -> {
            ContactForm form = new ContactForm();
            form.setPersonId(person);
            form.setDate(LocalDate.now(Dates.OSLO));
            form.setTime(LocalTime.NOON);
            form.setType(ContactType.PHONE);
            form.setStaffIds(List.of(admin));
            return contacts.log(UUID.randomUUID(), form);
        });
        for (String table : TABLES) {
            List<UUID> demo = organisations(DEMO_RECOVERY, table);
            assertThat(demo).as(table).doesNotContain(OTHER_ORGANISATION);
        }
        assertThat(organisations(DEMO_RECOVERY, "contact")).isNotEmpty();
        assertThat(organisations(OTHER_ORGANISATION, "contact")).isNotEmpty().containsOnly(OTHER_ORGANISATION);
        assertThat(organisations(OTHER_ORGANISATION, "contact_staff")).isNotEmpty().containsOnly(OTHER_ORGANISATION);
        Integer changed = Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s ->
                db.sql("UPDATE contact SET updated_at = now() WHERE id = ?").param(contact).update()));
        assertThat(changed).isZero();
        assertThatThrownBy(() -> Tenancy.runAs(OTHER_ORGANISATION, () -> tx.executeWithoutResult(s ->
                db.sql("INSERT INTO contact_staff (contact_id, user_id, organisation_id) VALUES (?, ?, ?)")
                        .params(contact, admin, DEMO_RECOVERY).update())))
                .rootCause().hasMessageContaining("violates row-level security policy");
    }

    @Test
    void theAppCannotDeleteContactsNorChangeWhoseTheyAre() {
        Tenancy.runAs(DEMO_RECOVERY, () -> {
            assertThatThrownBy(() -> tx.executeWithoutResult(s -> db.sql("DELETE FROM contact").update()))
                    .rootCause().hasMessageContaining("permission denied");
            assertThatThrownBy(() -> tx.executeWithoutResult(s -> db.sql("UPDATE contact SET person_id = person_id").update()))
                    .rootCause().hasMessageContaining("permission denied");
            assertThatThrownBy(() -> tx.executeWithoutResult(s -> db.sql("DELETE FROM contact_tally").update()))
                    .rootCause().hasMessageContaining("permission denied");
        });
    }

    private List<UUID> organisations(UUID organisation, String table) {
        return Tenancy.runAs(organisation, () -> tx.execute(s ->
                db.sql("SELECT DISTINCT organisation_id FROM " + table).query(UUID.class).list()));
    }
}
