package no.tilfrisk.volunteer;

import static no.tilfrisk.Demo.DEMO_RECOVERY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.UUID;
import no.tilfrisk.People;
import no.tilfrisk.TilfriskTest;
import no.tilfrisk.person.PersonSpans;
import no.tilfrisk.person.PersonRole;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.volunteer.VolunteerFigures.Figures;
import no.tilfrisk.volunteer.VolunteerFigures.Share;
import no.tilfrisk.volunteer.matching.Wish;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.User;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link VolunteerFigures} reads the tables: matches, meetings and new volunteer profiles written for 2019 in the
 * demo organisation (a year no other test or the demo data touches), worked out by hand.
 */
@TilfriskTest
class VolunteerFiguresReadTest {

    @Autowired
    People people;
    @Autowired
    PersonSpans spans;
    @Autowired
    JdbcClient db;
    @Autowired
    VolunteerFigures figures;
    @Autowired
    TransactionTemplate tx;

    @Test
    void the2019FiguresOfTheRowsWrittenForIt() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        UUID p1 = people.register(DEMO_RECOVERY, "Skien", "Tall deltaker 1 " + tag);
        UUID p2 = people.register(DEMO_RECOVERY, "Skien", "Tall deltaker 2 " + tag);
        UUID p3 = people.register(DEMO_RECOVERY, "Skien", "Tall deltaker 3 " + tag);
        UUID v1 = people.register(DEMO_RECOVERY, "Skien", "Tall frivillig 1 " + tag);
        UUID v2 = people.register(DEMO_RECOVERY, "Skien", "Tall frivillig 2 " + tag);
        People.asSystem(DEMO_RECOVERY, () -> {
            // v1 was a participant from 2018 and became a volunteer in April 2019; v2 only a participant from today
            spans.addRole(v1, PersonRole.PARTICIPANT, LocalDate.of(2018, 1, 1));
            return null;
        });
        Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(status -> {
            profile(v1, "2019-04-01 12:00+02");
            profile(v2, "2019-05-01 12:00+02");
            // 42 days, ended before its 3 months (1 May) and its 6 months (1 Aug)
            UUID m1 = match(p1, v1, Wish.COMPANY, "ENDED", "2019-02-01", "2019-03-15");
            // going: its 3 months (1 Sep) and 6 months (1 Dec) passed within the year
            UUID m2 = match(p2, v2, Wish.FINANCES, "ACTIVE", "2019-06-01", null);
            match(p3, v1, Wish.WALK_OUTDOORS, "PROPOSED", null, null); // never started: counts nowhere
            match(p1, v2, Wish.COMPANY, "ENDED", "2018-01-01", "2018-12-31"); // the year before
            meeting(m1, "2019-02-10", "2.50");
            meeting(m2, "2019-07-01", "3.00");
            meeting(m2, "2020-01-02", "1.00"); // the year after
            return null;
        }));

        Figures f = People.asSystem(DEMO_RECOVERY,
                () -> figures.forPeriod(LocalDate.of(2019, 1, 1), LocalDate.of(2019, 12, 31)));

        assertThat(f.volunteersEngaged()).isEqualTo(2);
        assertThat(f.participantsWithVolunteer()).isEqualTo(2);
        assertThat(f.hours()).isEqualByComparingTo("5.50");
        assertThat(f.arsverk()).isEqualByComparingTo("0.00");
        assertThat(f.medianMatchDays()).isEqualByComparingTo("42");
        assertThat(f.stillGoingAfter3Months()).isEqualTo(new Share(1, 2));
        assertThat(f.stillGoingAfter6Months()).isEqualTo(new Share(1, 2));
        assertThat(f.participantsBecameVolunteers()).isEqualTo(1);
        assertThat(f.matchesByHelp()).containsEntry(Wish.COMPANY, 1L).containsEntry(Wish.FINANCES, 1L)
                .containsEntry(Wish.WALK_OUTDOORS, 0L);
    }

    @Test
    void aVolunteerOrStaffMemberMayNotReadTheFigures() {
        for (String role : new String[] {"VOLUNTEER", "STAFF"}) {
            var user = User.withUsername("figures-" + role).password("x").roles(role).build();
            assertThatThrownBy(() -> People.as(user,
                    () -> figures.forPeriod(LocalDate.of(2019, 1, 1), LocalDate.of(2019, 12, 31))))
                    .as(role).isInstanceOf(AccessDeniedException.class);
        }
    }

    private void profile(UUID person, String createdAt) {
        db.sql("""
                        INSERT INTO volunteer_profile (person_id, organisation_id, kind, created_at)
                        VALUES (?, ?, 'TIDGIVER', CAST(? AS timestamptz))""")
                .params(person, DEMO_RECOVERY, createdAt).update();
    }

    private UUID match(UUID participant, UUID volunteer, Wish help, String state, String started, String ended) {
        UUID id = UUID.randomUUID();
        db.sql("""
                        INSERT INTO volunteer_match (id, organisation_id, participant_id, volunteer_id, help_kind, state,
                                                     end_reason, proposed_on, started_on, ended_on)
                        VALUES (?, ?, ?, ?, ?, ?, ?, DATE '2018-01-01', CAST(? AS date), CAST(? AS date))""")
                .params(id, DEMO_RECOVERY, participant, volunteer, help.name(), state,
                        ended == null ? null : "GOAL_REACHED", started, ended)
                .update();
        return id;
    }

    private void meeting(UUID match, String on, String hours) {
        db.sql("""
                        INSERT INTO volunteer_meeting (id, organisation_id, match_id, met_on, hours, what)
                        VALUES (?, ?, ?, CAST(? AS date), CAST(? AS numeric), 'TALK')""")
                .params(UUID.randomUUID(), DEMO_RECOVERY, match, on, hours).update();
    }
}
