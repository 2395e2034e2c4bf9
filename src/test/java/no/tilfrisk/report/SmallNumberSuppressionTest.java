package no.tilfrisk.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import no.tilfrisk.report.SmallNumberSuppression.CountTable;
import no.tilfrisk.report.SmallNumberSuppression.Rule;
import no.tilfrisk.report.SmallNumberSuppression.SuppressedTable;
import org.junit.jupiter.api.Test;

class SmallNumberSuppressionTest {

    /**
     * Hand-made: one small count (3) whose row and column totals would give it away. The fewest further cells are
     * the classic rectangle: 10 beside it, 8 below it, and 9 that mends both; the totals stay.
     * <pre>
     *        A   B   C | sum
     *   r1   3  10  12 |  25
     *   r2   8   9  20 |  37
     *  sum  11  19  32 |  62
     * </pre>
     */
    @Test
    void oneSmallCountHidesTheRectangleThatProtectsIt() {
        SuppressedTable t = SmallNumberSuppression.apply(new CountTable(new long[][] {{3, 10, 12}, {8, 9, 20}}));
        assertThat(t.cell(0, 0).hiddenBy()).isEqualTo(Rule.PRIMARY);
        assertThat(t.cell(0, 0).display()).isEqualTo("<5");
        assertThat(t.cell(0, 1).hiddenBy()).isEqualTo(Rule.COMPLEMENTARY);
        assertThat(t.cell(1, 0).hiddenBy()).isEqualTo(Rule.COMPLEMENTARY);
        assertThat(t.cell(1, 1).hiddenBy()).isEqualTo(Rule.COMPLEMENTARY);
        assertThat(t.cell(1, 1).display()).isEqualTo("x");
        assertThat(t.cell(0, 2).display()).isEqualTo("12");
        assertThat(t.cell(1, 2).display()).isEqualTo("20");
        assertThat(t.rowTotal(0).display()).isEqualTo("25");
        assertThat(t.rowTotal(1).display()).isEqualTo("37");
        assertThat(t.columnTotal(0).display()).isEqualTo("11");
        assertThat(t.columnTotal(1).display()).isEqualTo("19");
        assertThat(t.grandTotal().display()).isEqualTo("62");
        assertThat(t.rulesApplied()).containsExactlyInAnyOrder(Rule.PRIMARY, Rule.COMPLEMENTARY);
        assertThat(hiddenCount(t)).isEqualTo(4);
    }

    /** Two small counts in one row and one column already protect each other through a second pair. */
    @Test
    void smallCountsThatShareLinesNeedFewerFurtherCells() {
        // 2 and 4 in row 1; 1 in row 2 below the 2: hiding 7 (below the 4) closes row 2 and column B at once
        SuppressedTable t = SmallNumberSuppression.apply(new CountTable(new long[][] {{2, 4, 30}, {1, 7, 40}}));
        assertThat(t.cell(0, 0).hiddenBy()).isEqualTo(Rule.PRIMARY);
        assertThat(t.cell(0, 1).hiddenBy()).isEqualTo(Rule.PRIMARY);
        assertThat(t.cell(1, 0).hiddenBy()).isEqualTo(Rule.PRIMARY);
        assertThat(t.cell(1, 1).hiddenBy()).isEqualTo(Rule.COMPLEMENTARY);
        // column A's total, 3, is itself a small count
        assertThat(t.columnTotal(0).display()).isEqualTo("<5");
        assertThat(t.cell(0, 2).hidden()).isFalse();
        assertThat(t.cell(1, 2).hidden()).isFalse();
        assertThat(t.grandTotal().display()).isEqualTo("84");
        assertLinesSafe(t);
    }

    /** A table of one row: the total is hidden with the small count, not another cell. */
    @Test
    void aSingleRowHidesItsTotal() {
        SuppressedTable t = SmallNumberSuppression.apply(new CountTable(new long[][] {{3, 10, 20}}));
        assertThat(t.cell(0, 0).display()).isEqualTo("<5");
        assertThat(t.cell(0, 1).display()).isEqualTo("10");
        assertThat(t.cell(0, 2).display()).isEqualTo("20");
        assertThat(t.rowTotal(0).hidden()).isTrue();
        assertThat(t.grandTotal().hidden()).isTrue();
        assertLinesSafe(t);
    }

    @Test
    void aSingleColumnHidesItsTotal() {
        SuppressedTable t = SmallNumberSuppression.apply(new CountTable(new long[][] {{12}, {2}, {30}}));
        assertThat(t.cell(1, 0).display()).isEqualTo("<5");
        assertThat(t.cell(0, 0).display()).isEqualTo("12");
        assertThat(t.cell(2, 0).display()).isEqualTo("30");
        assertThat(t.columnTotal(0).hidden()).isTrue();
        assertLinesSafe(t);
    }

    @Test
    void zerosAndLargeCountsAreShownAndNothingIsHiddenWithoutCause() {
        SuppressedTable t = SmallNumberSuppression.apply(new CountTable(new long[][] {{0, 5}, {12, 0}}));
        assertThat(hiddenCount(t)).isZero();
        assertThat(t.rulesApplied()).isEmpty();
        assertThat(t.cell(0, 0).display()).isEqualTo("0");
        assertThat(t.grandTotal().display()).isEqualTo("17");
    }

    @Test
    void percentagesAndLoneCountsFollowTheThreshold() {
        assertThat(SmallNumberSuppression.showsPercentage(4)).isFalse();
        assertThat(SmallNumberSuppression.showsPercentage(5)).isTrue();
        assertThat(SmallNumberSuppression.showsCount(0)).isTrue();
        assertThat(SmallNumberSuppression.showsCount(4)).isFalse();
        assertThat(SmallNumberSuppression.showsCount(5)).isTrue();
    }

    @Test
    void aMalformedTableIsRefused() {
        assertThatThrownBy(() -> new CountTable(new long[][] {{1, 2}, {3}})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CountTable(new long[][] {{-1}})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CountTable(new long[0][])).isInstanceOf(IllegalArgumentException.class);
    }

    @Property(tries = 2000)
    void noSmallCountIsEverVisible(@ForAll("tables") long[][] cells) {
        SuppressedTable t = SmallNumberSuppression.apply(new CountTable(cells));
        for (int r = 0; r <= t.rows(); r++) {
            for (int c = 0; c <= t.columns(); c++) {
                var e = t.entry(r, c);
                if (e.value() >= 1 && e.value() <= 4) {
                    assertThat(e.hidden()).as("entry %d,%d = %d", r, c, e.value()).isTrue();
                    assertThat(e.display()).isNotEqualTo(Long.toString(e.value()));
                }
            }
        }
    }

    @Property(tries = 2000)
    void noHiddenCountCanBeWorkedOutFromOneRowOrColumn(@ForAll("tables") long[][] cells) {
        assertLinesSafe(SmallNumberSuppression.apply(new CountTable(cells)));
    }

    @Property(tries = 1000)
    void visibleEntriesAreTheTrueFiguresAndComplementaryCellsAreNeeded(@ForAll("tables") long[][] cells) {
        SuppressedTable t = SmallNumberSuppression.apply(new CountTable(cells));
        long grand = 0;
        for (int r = 0; r < t.rows(); r++) {
            for (int c = 0; c < t.columns(); c++) {
                assertThat(t.cell(r, c).value()).isEqualTo(cells[r][c]);
                grand += cells[r][c];
            }
        }
        assertThat(t.grandTotal().value()).isEqualTo(grand);
        // every further hidden entry is needed: showing any one of them alone breaks the rule
        for (int r = 0; r <= t.rows(); r++) {
            for (int c = 0; c <= t.columns(); c++) {
                if (t.entry(r, c).hiddenBy() == Rule.COMPLEMENTARY) {
                    assertThat(safeWithout(t, r, c)).as("complementary %d,%d is needed", r, c).isFalse();
                }
            }
        }
        assertThat(SmallNumberSuppression.apply(new CountTable(cells))).usingRecursiveComparison().isEqualTo(t);
    }

    /** Tables of 1–6 rows and columns whose counts are often small, sometimes 0, sometimes large. */
    @Provide
    Arbitrary<long[][]> tables() {
        Arbitrary<Long> count = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.longs().between(0, 0)),
                net.jqwik.api.Tuple.of(4, Arbitraries.longs().between(1, 4)),
                net.jqwik.api.Tuple.of(6, Arbitraries.longs().between(5, 40)),
                net.jqwik.api.Tuple.of(1, Arbitraries.longs().between(41, 5000)));
        return Arbitraries.integers().between(1, 6).flatMap(rows -> Arbitraries.integers().between(1, 6).flatMap(cols ->
                count.array(long[].class).ofSize(cols).array(long[][].class).ofSize(rows)));
    }

    private static void assertLinesSafe(SuppressedTable t) {
        List<String> broken = brokenLines(t, -1, -1);
        assertThat(broken).as("lines with exactly one hidden entry").isEmpty();
    }

    private static boolean safeWithout(SuppressedTable t, int r, int c) {
        return brokenLines(t, r, c).isEmpty();
    }

    /** The lines where exactly one entry is hidden, with the entry at (showR, showC) treated as shown. */
    private static List<String> brokenLines(SuppressedTable t, int showR, int showC) {
        List<String> broken = new ArrayList<>();
        for (int r = 0; r <= t.rows(); r++) {
            int hidden = 0;
            for (int c = 0; c <= t.columns(); c++) {
                hidden += t.entry(r, c).hidden() && !(r == showR && c == showC) ? 1 : 0;
            }
            if (hidden == 1) {
                broken.add("row " + r);
            }
        }
        for (int c = 0; c <= t.columns(); c++) {
            int hidden = 0;
            for (int r = 0; r <= t.rows(); r++) {
                hidden += t.entry(r, c).hidden() && !(r == showR && c == showC) ? 1 : 0;
            }
            if (hidden == 1) {
                broken.add("column " + c);
            }
        }
        return broken;
    }

    private static int hiddenCount(SuppressedTable t) {
        int n = 0;
        for (int r = 0; r <= t.rows(); r++) {
            for (int c = 0; c <= t.columns(); c++) {
                n += t.entry(r, c).hidden() ? 1 : 0;
            }
        }
        return n;
    }
}
