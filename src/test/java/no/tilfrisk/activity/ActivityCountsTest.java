package no.tilfrisk.activity;

import static no.tilfrisk.Demo.DEMO_RECOVERY;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import no.tilfrisk.People;
import no.tilfrisk.TilfriskTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The counting rules against a fixture computed by hand: named persons overlapping across sessions, anonymous
 * adults and children, guests, and a cancelled session that must not count.
 */
@TilfriskTest
class ActivityCountsTest {

    @Autowired
    People people;
    @Autowired
    ActivityFixtures fixtures;

    @Test
    void figuresFollowTheCountingRules() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Activity bonfire = fixtures.activity(DEMO_RECOVERY, "Tønsberg", "Bål " + tag, true,
                LocalDate.of(2025, 3, 1), LocalDate.of(2025, 6, 30), List.of());
        UUID p1 = people.register(DEMO_RECOVERY, "Tønsberg", "P1 " + tag);
        UUID p2 = people.register(DEMO_RECOVERY, "Tønsberg", "P2 " + tag);
        UUID p3 = people.register(DEMO_RECOVERY, "Tønsberg", "P3 " + tag);
        UUID p4 = people.register(DEMO_RECOVERY, "Tønsberg", "P4 " + tag);
        UUID s1 = fixtures.session(DEMO_RECOVERY, bonfire.id(), LocalDate.of(2025, 3, 4)).id();
        UUID s2 = fixtures.session(DEMO_RECOVERY, bonfire.id(), LocalDate.of(2025, 3, 11)).id();
        UUID s3 = fixtures.session(DEMO_RECOVERY, bonfire.id(), LocalDate.of(2025, 3, 18)).id();
        UUID s4 = fixtures.session(DEMO_RECOVERY, bonfire.id(), LocalDate.of(2025, 3, 25)).id();
        fixtures.attendance(DEMO_RECOVERY, s1, List.of(p1, p2, p3), 5, 2, 1);
        fixtures.attendance(DEMO_RECOVERY, s2, List.of(p2, p3, p4), 8, 0, 0);
        fixtures.attendance(DEMO_RECOVERY, s3, List.of(p1), 3, 4, 2);
        fixtures.attendance(DEMO_RECOVERY, s4, List.of(p1, p2), 20, 9, 5);
        fixtures.cancel(DEMO_RECOVERY, s4);

        // March: S1, S2, S3 (S4 cancelled).
        // named 3 + 3 + 1 = 7; anonymous (5+2) + (8+0) + (3+4) = 22; attendances 29
        // unique named {P1, P2, P3, P4} = 4; largest adults of one session max(5, 8, 3) = 8; largest children of one
        // session max(2, 0, 4) = 4; participants 4 + 8 + 4 = 16, of whom 4 children; guests 1 + 0 + 2 = 3
        ActivityCounts march = fixtures.counts(DEMO_RECOVERY, bonfire.id(), LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31));
        assertThat(march).isEqualTo(new ActivityCounts(3, 7, 22, 4, 8, 4, 3));
        assertThat(march.attendances()).isEqualTo(29);
        assertThat(march.participants()).isEqualTo(16);
        assertThat(march.children()).isEqualTo(4);

        // From 15 March: S3 alone. named 1; anonymous 3 + 4 = 7; unique 1; adults 3; children 4; participants 1 + 3 + 4 = 8
        ActivityCounts late = fixtures.counts(DEMO_RECOVERY, bonfire.id(), LocalDate.of(2025, 3, 15), LocalDate.of(2025, 3, 31));
        assertThat(late).isEqualTo(new ActivityCounts(1, 1, 7, 1, 3, 4, 2));
        assertThat(late.attendances()).isEqualTo(8);
        assertThat(late.participants()).isEqualTo(8);

        // April: nothing happened
        assertThat(fixtures.counts(DEMO_RECOVERY, bonfire.id(), LocalDate.of(2025, 4, 1), LocalDate.of(2025, 4, 30)))
                .isEqualTo(ActivityCounts.NONE);

        // the department list gives the same figures for the same period
        ActivityOverview listed = fixtures.list(DEMO_RECOVERY, "Tønsberg", LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31))
                .stream().filter(o -> o.activity().id().equals(bonfire.id())).findFirst().orElseThrow();
        assertThat(listed.counts()).isEqualTo(march);
        assertThat(listed.departmentName()).isEqualTo("Tønsberg");
    }
}
