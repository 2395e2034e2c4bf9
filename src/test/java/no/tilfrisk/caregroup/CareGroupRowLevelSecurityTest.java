package no.tilfrisk.caregroup;

import static no.tilfrisk.Demo.DEMO_RECOVERY;
import static no.tilfrisk.Demo.OTHER_ORGANISATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import no.tilfrisk.Demo;
import no.tilfrisk.People;
import no.tilfrisk.RowLevelSecurity;
import no.tilfrisk.TilfriskTest;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.platform.web.Dates;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Row-level security around the responsibility groups: an organisation sees and writes only its own, and a partner's
 * transaction sees none of them.
 */
@TilfriskTest
class CareGroupRowLevelSecurityTest {

    static final List<String> TABLES = List.of("care_group", "care_group_member", "care_meeting",
            "care_meeting_attendee", "care_decision");

    @Autowired
    JdbcClient db;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    People people;
    @Autowired
    ResponsibilityGroups groups;
    @Autowired
    UserDetailsService accounts;

    @Test
    void everyTableOfTheModuleHasRowLevelSecurityOnTheOrganisation() {
        RowLevelSecurity.assertTenantPolicyOn(db, TABLES);
    }

    @Test
    void anOrganisationSeesOnlyItsOwnGroupsAndAPartnerNone() {
        UUID person = people.register(OTHER_ORGANISATION, "Bergen", "Annen gruppe " + UUID.randomUUID());
        UUID meeting = People.asSystem(OTHER_ORGANISATION, () -> tx.execute(s -> {
            UUID member = groups.addMember(UUID.randomUUID(), person, new MemberForm(MemberKind.PERSON, null, null, null, null));
            UUID m = groups.addMeeting(UUID.randomUUID(), person, new MeetingForm(LocalDate.now(Dates.OSLO), List.of(member), "Hemmelig"));
            groups.addDecision(UUID.randomUUID(), person, m, new DecisionForm("Noe", member, null, null));
            return m;
        }));
        for (String table : TABLES) {
            assertThat(count(DEMO_RECOVERY, table, person)).as(table).isZero();
            assertThat(count(OTHER_ORGANISATION, table, person)).as(table).isPositive();
        }
        UUID demoPerson = people.register(DEMO_RECOVERY, "Skien", "Demo gruppe " + UUID.randomUUID());
        People.asSystem(DEMO_RECOVERY, () -> tx.execute(s ->
                groups.addMember(UUID.randomUUID(), demoPerson, new MemberForm(MemberKind.PERSON, null, null, null, null))));
        var nav = accounts.loadUserByUsername(Demo.PARTNER);
        int seenByPartner = People.as(nav, () -> tx.execute(s -> db.sql("SELECT count(*) FROM care_group")
                .query(Integer.class).single()));
        assertThat(seenByPartner).as("a partner sees no group").isZero();
        assertThat(count(DEMO_RECOVERY, "care_group", demoPerson)).isOne();

        assertThatThrownBy(() -> Tenancy.runAs(DEMO_RECOVERY, () -> tx.executeWithoutResult(s -> db.sql("""
                        INSERT INTO care_meeting (id, organisation_id, group_id, held_on) VALUES (?, ?,
                               (SELECT id FROM care_group LIMIT 1), current_date)""")
                .params(UUID.randomUUID(), OTHER_ORGANISATION).update())))
                .rootCause().hasMessageContaining("violates row-level security policy");
        assertThatThrownBy(() -> Tenancy.runAs(OTHER_ORGANISATION, () -> tx.executeWithoutResult(s ->
                db.sql("DELETE FROM care_meeting WHERE id = ?").param(meeting).update())))
                .rootCause().hasMessageContaining("permission denied");
    }

    /** Rows of the table that belong to the person's group, as the organisation sees them. */
    private int count(UUID organisation, String table, UUID person) {
        String where = switch (table) {
            case "care_group" -> "t.person_id = :p";
            case "care_group_member", "care_meeting" -> "t.group_id IN (SELECT id FROM care_group WHERE person_id = :p)";
            case "care_meeting_attendee", "care_decision" ->
                    "t.meeting_id IN (SELECT m.id FROM care_meeting m JOIN care_group g ON g.id = m.group_id WHERE g.person_id = :p)";
            default -> throw new IllegalArgumentException(table);
        };
        return Tenancy.runAs(organisation, () -> tx.execute(s -> db.sql("SELECT count(*) FROM " + table + " t WHERE " + where)
                .param("p", person).query(Integer.class).single()));
    }
}
