package no.tilfrisk.transition;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import no.tilfrisk.transition.TransitionFigures.AlertRow;
import no.tilfrisk.transition.TransitionFigures.Figures;
import no.tilfrisk.transition.TransitionFigures.Row;
import no.tilfrisk.transition.TransitionFigures.Share;
import org.junit.jupiter.api.Test;

/** The transition figures computed from rows, on a fixture worked out by hand for the year 2025. */
class TransitionFiguresTest {

    static final LocalDate FROM = LocalDate.of(2025, 1, 1);
    static final LocalDate TO = LocalDate.of(2025, 12, 31);

    static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    static final List<Row> ROWS = List.of(
            // r1 housed; contact 2 days after: within 7
            new Row(TransitionKind.PRISON_RELEASE, d("2025-03-10"), true, d("2025-03-12")),
            // r2 not housed; contact on day 7: still within
            new Row(TransitionKind.PRISON_RELEASE, d("2025-06-01"), false, d("2025-06-08")),
            // r3 housed; contact on day 8: too late
            new Row(TransitionKind.DISCHARGE_TSB, d("2025-09-15"), true, d("2025-09-23")),
            // r4 not housed; its 7 days end 4 January 2026, after the period: not in the contact cohort
            new Row(TransitionKind.DISCHARGE_TSB, d("2025-12-28"), false, null),
            // r5 the day before the period: counts nowhere
            new Row(TransitionKind.MUNICIPAL_STAY_END, d("2024-12-31"), true, d("2025-01-02")),
            // r6 after the period: counts nowhere
            new Row(TransitionKind.OTHER, d("2026-01-02"), true, d("2026-01-03")),
            // r7 housed; the contact was before the date, not after it
            new Row(TransitionKind.DISCHARGE_MENTAL_HEALTH, d("2025-02-01"), true, d("2025-01-30")));

    static final List<AlertRow> ALERTS = List.of(
            new AlertRow(d("2025-11-01"), null),               // a1 open
            new AlertRow(d("2025-12-01"), d("2025-12-31")),    // a2 closed on the last day: not open at its end
            new AlertRow(d("2025-12-20"), d("2026-01-03")),    // a3 closed after: open at the end
            new AlertRow(d("2026-01-02"), null),               // a4 made after
            new AlertRow(d("2025-05-01"), d("2025-06-01")));   // a5 closed long before

    @Test
    void theYearWorkedOutByHand() {
        Figures f = TransitionFigures.compute(FROM, TO, TO, ROWS, ALERTS);
        assertThat(f.byKind()).containsEntry(TransitionKind.PRISON_RELEASE, 2L)
                .containsEntry(TransitionKind.DISCHARGE_TSB, 2L).containsEntry(TransitionKind.DISCHARGE_MENTAL_HEALTH, 1L)
                .containsEntry(TransitionKind.MUNICIPAL_STAY_END, 0L).containsEntry(TransitionKind.OTHER, 0L);
        assertThat(f.total()).isEqualTo(5);
        assertThat(f.housingOnTheDay()).isEqualTo(new Share(3, 5));          // r1, r3, r7 of r1–r4, r7
        assertThat(f.firstContactWithin7Days()).isEqualTo(new Share(2, 4));  // r1, r2 of r1, r2, r3, r7
        assertThat(f.alertsOpen()).isEqualTo(2);                             // a1, a3
    }

    @Test
    void aPeriodNotOverIsJudgedOnTheDayGiven() {
        Figures f = TransitionFigures.compute(FROM, TO, d("2025-06-05"), ROWS, ALERTS);
        assertThat(f.total()).isEqualTo(5);                                  // the expected ones count by kind
        assertThat(f.housingOnTheDay()).isEqualTo(new Share(2, 3));          // r1, r7 of r1, r2, r7
        assertThat(f.firstContactWithin7Days()).isEqualTo(new Share(1, 2));  // r1 of r1, r7 (r2's week not over)
        assertThat(f.alertsOpen()).isZero();
    }

    @Test
    void nothingGivesZeros() {
        Figures f = TransitionFigures.compute(FROM, TO, TO, List.of(), List.of());
        assertThat(f.total()).isZero();
        assertThat(f.housingOnTheDay()).isEqualTo(new Share(0, 0));
        assertThat(f.alertsOpen()).isZero();
    }
}
