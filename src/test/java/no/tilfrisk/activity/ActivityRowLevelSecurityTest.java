package no.tilfrisk.activity;

import static no.tilfrisk.Demo.DEMO_RECOVERY;
import static no.tilfrisk.Demo.OTHER_ORGANISATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import no.tilfrisk.People;
import no.tilfrisk.TilfriskTest;
import no.tilfrisk.platform.tenancy.Tenancy;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Row-level security on sessions and attendance, whose policies read the organisation once per query
 * (V12__report_indexes.sql): the same wall as before, a query that forgets its organisation sees and writes only its own.
 */
@TilfriskTest
class ActivityRowLevelSecurityTest {

    @Autowired
    JdbcClient db;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    People people;
    @Autowired
    ActivityFixtures fixtures;

    @Test
    void sessionsAndAttendanceOfAnotherOrganisationAreNeitherSeenNorWritten() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        LocalDate day = LocalDate.of(2025, 3, 4);
        Activity group = fixtures.activity(OTHER_ORGANISATION, "Bergen", "Gruppe " + tag, false, day.minusDays(1), null, List.of());
        UUID session = fixtures.session(OTHER_ORGANISATION, group.id(), day).id();
        UUID anne = people.register(OTHER_ORGANISATION, "Bergen", "Anne " + tag);
        UUID bo = people.register(OTHER_ORGANISATION, "Bergen", "Bo " + tag);
        fixtures.attendance(OTHER_ORGANISATION, session, List.of(anne, bo), 0, 0, 0);

        // its own organisation sees both rows, and counts them
        assertThat(count(OTHER_ORGANISATION, "SELECT count(*) FROM attendance WHERE session_id = ?", session)).isEqualTo(2);
        assertThat(count(OTHER_ORGANISATION, "SELECT count(*) FROM activity_session WHERE id = ?", session)).isEqualTo(1);
        assertThat(fixtures.counts(OTHER_ORGANISATION, group.id(), day, day).namedAttendances()).isEqualTo(2);
        // another organisation, and no organisation, see none
        assertThat(count(DEMO_RECOVERY, "SELECT count(*) FROM attendance WHERE session_id = ?", session)).isZero();
        assertThat(count(DEMO_RECOVERY, "SELECT count(*) FROM activity_session WHERE id = ?", session)).isZero();
        Long withoutOrganisation = tx.execute(s -> db.sql("SELECT count(*) FROM attendance WHERE session_id = ?")
                .param(session).query(Long.class).single());
        assertThat(withoutOrganisation).isZero();
        // nor change or add any
        Integer changed = Tenancy.runAs(DEMO_RECOVERY, () -> tx.execute(s ->
                db.sql("UPDATE activity_session SET adults = 7 WHERE id = ?").param(session).update()));
        assertThat(changed).isZero();
        UUID carl = people.register(OTHER_ORGANISATION, "Bergen", "Carl " + tag);
        assertThatThrownBy(() -> Tenancy.runAs(DEMO_RECOVERY, () -> tx.executeWithoutResult(s ->
                db.sql("INSERT INTO attendance (session_id, person_id, organisation_id) VALUES (?, ?, ?)")
                        .params(session, carl, OTHER_ORGANISATION).update())))
                .rootCause().hasMessageContaining("violates row-level security policy");
        assertThat(count(OTHER_ORGANISATION, "SELECT count(*) FROM attendance WHERE session_id = ?", session)).isEqualTo(2);
    }

    private long count(UUID organisation, String sql, UUID id) {
        return Tenancy.runAs(organisation, () -> tx.execute(s -> db.sql(sql).param(id).query(Long.class).single()));
    }
}
