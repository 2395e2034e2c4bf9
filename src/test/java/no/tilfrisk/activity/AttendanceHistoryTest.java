package no.tilfrisk.activity;

import static no.tilfrisk.Demo.DEMO_RECOVERY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.tilfrisk.People;
import no.tilfrisk.TilfriskTest;
import no.tilfrisk.activity.AttendanceRollCall.Attendance;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.platform.web.Dates;
import no.tilfrisk.platform.web.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Many sessions' attendance at once saves what the roll call would, session by session, or nothing at all. */
@TilfriskTest
class AttendanceHistoryTest {

    static final LocalDate TODAY = LocalDate.now(Dates.OSLO);

    @Autowired
    AttendanceHistory history;
    @Autowired
    ActivityFixtures fixtures;
    @Autowired
    People people;
    @Autowired
    JdbcClient db;
    @Autowired
    TransactionTemplate tx;

    @Test
    void writesTheRowsCountsAndTrailOfEachSessionAndRemovesWhoIsLeftOut() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Activity group = fixtures.activity(DEMO_RECOVERY, "Skien", "Historikk " + tag, true, TODAY.minusMonths(1), null, List.of());
        Activity other = fixtures.activity(DEMO_RECOVERY, "Skien", "Historikk B " + tag, false, TODAY.minusMonths(1), null, List.of());
        UUID first = fixtures.session(DEMO_RECOVERY, group.id(), TODAY).id();
        UUID second = fixtures.session(DEMO_RECOVERY, other.id(), TODAY).id();
        UUID kari = people.register(DEMO_RECOVERY, "Skien", "Kari " + tag);
        UUID ola = people.register(DEMO_RECOVERY, "Skien", "Ola " + tag);
        Map<UUID, Attendance> wanted = new LinkedHashMap<>();
        wanted.put(first, new Attendance(List.of(kari, ola), 3, 1, 0));
        wanted.put(second, new Attendance(List.of(ola), 0, 0, 2));
        People.asSystem(DEMO_RECOVERY, () -> {
            history.replaceAll(wanted);
            return null;
        });
        assertThat(present(first)).containsExactlyInAnyOrder(kari, ola);
        assertThat(present(second)).containsExactly(ola);
        assertThat(counts(first)).isEqualTo(List.of(3, 1, 0));
        assertThat(counts(second)).isEqualTo(List.of(0, 0, 2));
        assertThat(trail(ola, "CREATE", "activity.attendance:" + first)).isEqualTo(1);
        assertThat(trail(ola, "CREATE", "activity.attendance:" + second)).isEqualTo(1);

        People.asSystem(DEMO_RECOVERY, () -> {
            history.replaceAll(Map.of(first, new Attendance(List.of(kari), 2, 0, 0)));
            return null;
        });
        assertThat(present(first)).containsExactly(kari);
        assertThat(counts(first)).isEqualTo(List.of(2, 0, 0));
        assertThat(trail(kari, "CREATE", "activity.attendance:" + first)).isEqualTo(1);
        assertThat(trail(ola, "UPDATE", "activity.attendance:" + first + ":removed")).isEqualTo(1);
    }

    @Test
    void onePersonWhoWasNotAMemberOnTheDaySavesNoSession() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Activity group = fixtures.activity(DEMO_RECOVERY, "Skien", "Historikk " + tag, false, TODAY.minusMonths(1), null, List.of());
        UUID today = fixtures.session(DEMO_RECOVERY, group.id(), TODAY).id();
        UUID lastWeek = fixtures.session(DEMO_RECOVERY, group.id(), TODAY.minusDays(7)).id();
        // registered today: a member from today, so not on last week's session
        UUID kari = people.register(DEMO_RECOVERY, "Skien", "Kari " + tag);
        Map<UUID, Attendance> wanted = new LinkedHashMap<>();
        wanted.put(today, new Attendance(List.of(kari), 0, 1, 0));
        wanted.put(lastWeek, new Attendance(List.of(kari), 0, 0, 0));
        assertThatThrownBy(() -> People.asSystem(DEMO_RECOVERY, () -> {
            history.replaceAll(wanted);
            return null;
        })).isInstanceOf(InvalidInputException.class).hasMessageContaining("attendance.person.notMemberOnDate");
        assertThat(present(today)).isEmpty();
        assertThat(counts(today)).isEqualTo(List.of(0, 0, 0));

        // no one unknown, and no empty place in the list
        assertThatThrownBy(() -> People.asSystem(DEMO_RECOVERY, () -> {
            history.replaceAll(Map.of(today, new Attendance(Arrays.asList(kari, null), 0, 0, 0)));
            return null;
        })).isInstanceOf(InvalidInputException.class).hasMessageContaining("attendance.person.unknown");

        // an activity that is not low-threshold takes no anonymous adults, as the roll call
        assertThatThrownBy(() -> People.asSystem(DEMO_RECOVERY, () -> {
            history.replaceAll(Map.of(today, new Attendance(List.of(kari), 4, 0, 0)));
            return null;
        })).isInstanceOf(InvalidInputException.class).hasMessageContaining("attendance.adults.notLowThreshold");
        assertThat(present(today)).isEmpty();
    }

    private List<UUID> present(UUID session) {
        return Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s -> db.sql("SELECT person_id FROM attendance WHERE session_id = ?")
                .param(session).query(UUID.class).list()));
    }

    private List<Integer> counts(UUID session) {
        return Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s -> db.sql("SELECT adults, children, guests FROM activity_session WHERE id = ?")
                .param(session).query((rs, i) -> List.of(rs.getInt(1), rs.getInt(2), rs.getInt(3))).single()));
    }

    private int trail(UUID person, String action, String what) {
        return Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s -> db.sql(
                        "SELECT count(*) FROM audit_event WHERE person_id = ? AND action = ? AND what = ?")
                .params(person, action, what).query(Integer.class).single()));
    }
}
