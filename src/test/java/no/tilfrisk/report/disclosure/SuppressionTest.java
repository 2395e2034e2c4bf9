package no.tilfrisk.report.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import no.tilfrisk.report.disclosure.Publication.Figure;
import no.tilfrisk.report.disclosure.Publication.Kind;
import no.tilfrisk.report.disclosure.Publication.Relation;
import no.tilfrisk.report.disclosure.Publication.Term;
import org.junit.jupiter.api.Test;

/**
 * The suppression and its audit on hand-made publications, one per class of leak that the old table-by-table rule
 * let through, and on random ones (jqwik). Every protected count's bound is checked twice: the audit's own maximum,
 * and its witness checked here by plain arithmetic (the hidden values it proposes agree with every published figure
 * and every relation, are whole numbers ≥ 0, and put the count at 5 or more).
 */
public class SuppressionTest {

    /** A table with its row totals, column totals and grand total, all sums; keys t/r/c, t/r/*, t/* /c, t/* /*. */
    static List<List<String>> table(Publication p, String name, long[][] cells) {
        int rows = cells.length;
        int columns = cells[0].length;
        List<List<String>> keys = new ArrayList<>();
        for (int r = 0; r <= rows; r++) {
            List<String> row = new ArrayList<>();
            for (int c = 0; c <= columns; c++) {
                long v = 0;
                for (int i = 0; i < rows; i++) {
                    for (int j = 0; j < columns; j++) {
                        if ((r == rows || r == i) && (c == columns || c == j)) {
                            v += cells[i][j];
                        }
                    }
                }
                row.add(p.persons(name + "/" + (r == rows ? "*" : r) + "/" + (c == columns ? "*" : c), v));
            }
            keys.add(row);
        }
        for (int r = 0; r <= rows; r++) {
            p.sum(keys.get(r).get(columns), keys.get(r).subList(0, columns));
        }
        for (int c = 0; c <= columns; c++) {
            List<String> column = new ArrayList<>();
            for (int r = 0; r < rows; r++) {
                column.add(keys.get(r).get(c));
            }
            p.sum(keys.get(rows).get(c), column);
        }
        return keys;
    }

    /**
     * The classic: one small count (3) whose row and column totals would give it away. The fewest further cells
     * are the rectangle 10, 8 and 9; the totals stay.
     * <pre>
     *        A   B   C | sum
     *   r1   3  10  12 |  25
     *   r2   8   9  20 |  37
     *  sum  11  19  32 |  62
     * </pre>
     */
    @Test
    void oneSmallCountHidesTheRectangleThatProtectsIt() {
        Publication p = new Publication();
        var k = table(p, "t", new long[][] {{3, 10, 12}, {8, 9, 20}});
        Suppression.Result r = Suppression.apply(p);
        assertThat(r.primary()).containsExactly(k.get(0).get(0));
        assertThat(r.secondary()).containsExactlyInAnyOrder(k.get(0).get(1), k.get(1).get(0), k.get(1).get(1));
        assertProtected(p, r);
    }

    /**
     * Leak class 2, totals pin hidden cells down: the old rule (never exactly one hidden entry in a row or column)
     * is met by hiding the rectangle 1, 1, 6, 7, but the row total 12 and the published 10 leave 2 for the two
     * small counts: each is at most 2. The audit sees it, and the suppression hides more.
     * <pre>
     *        A   B   C | sum
     *   r1   1   1  10 |  12
     *   r2   6   7  40 |  53
     *  sum   7   8  50 |  65
     * </pre>
     */
    @Test
    void aTotalThatLeavesTooLittleForTheHiddenCellsIsNotEnough() {
        Publication p = new Publication();
        var k = table(p, "t", new long[][] {{1, 1, 10}, {6, 7, 40}});
        Audit audit = new Audit(p);
        var oldRule = Set.of(k.get(0).get(0), k.get(0).get(1), k.get(1).get(0), k.get(1).get(1));
        assertThat(audit.maximum(k.get(0).get(0), oldRule).maximum()).isEqualTo(2);
        Suppression.Result r = Suppression.apply(p);
        assertThat(r.hiddenCounts()).hasSizeGreaterThan(4);
        assertProtected(p, r);
    }

    /**
     * Leak class 1, derived figures: the share kept = 3 of 20 hides the 3, so the share (15 %) and the estimate
     * (3 × 100,000 kr) must go too, and so must n (20) or «no» (17), since n − yes = no and «no» is not shown.
     */
    @Test
    void aFigureComputedFromAHiddenCountIsHidden() {
        Publication p = new Publication();
        String yes = p.persons("yes", 3);
        String n = p.persons("n", 20);
        p.unpublishedRest(n, yes, "no");
        String share = p.derived("share", yes, n);
        String estimate = p.derived("estimate", yes);
        Suppression.Result r = Suppression.apply(p);
        assertThat(r.primary()).containsExactly(yes);
        assertThat(r.hidden(share)).isTrue();
        assertThat(r.hidden(estimate)).isTrue();
        assertProtected(p, r);
    }

    /** Unpublished «no» of 2 in a share of 18 of 20 gives the 2 away as n − yes: one of them is hidden. */
    @Test
    void aSmallComplementOfAShareIsProtected() {
        Publication p = new Publication();
        String yes = p.persons("yes", 18);
        String n = p.persons("n", 20);
        assertThat(p.figure(p.unpublishedRest(n, yes, "no")).value()).isEqualTo(2);
        Suppression.Result r = Suppression.apply(p);
        assertThat(r.hidden(yes) || r.hidden(n)).isTrue();
        assertProtected(p, r);
    }

    /** Leak class 3: «1 logged escort, persons &lt;5» says one person. The count of contacts goes with it. */
    @Test
    void aCountOfEventsThatBoundsAHiddenCountIsHidden() {
        Publication p = new Publication();
        String persons = p.persons("escort/persons", 1);
        String logged = p.count("escort/logged", 1);
        p.atMost(persons, logged);
        Suppression.Result r = Suppression.apply(p);
        assertThat(r.secondary()).containsExactly(logged);
        assertProtected(p, r);
    }

    /** A share's hidden cells are shown as one set across tables: the same key is the same figure. */
    @Test
    void oneFigureInTwoTablesIsHiddenInBoth() {
        Publication p = new Publication();
        p.persons("users", 3);
        p.persons("users", 3);
        assertThat(Suppression.apply(p).primary()).containsExactly("users");
        assertThatThrownBy(() -> p.persons("users", 4)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aRelationThatDoesNotHoldIsRefused() {
        Publication p = new Publication();
        p.sum(p.persons("total", 10), List.of(p.persons("a", 3), p.persons("b", 8)));
        assertThatThrownBy(() -> Suppression.apply(p)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void zerosAndLargeCountsAreShownAndNothingIsHiddenWithoutCause() {
        Publication p = new Publication();
        table(p, "t", new long[][] {{0, 5}, {12, 0}});
        Suppression.Result r = Suppression.apply(p);
        assertThat(r.hiddenCounts()).isEmpty();
    }

    // ---- properties ----

    @Property(tries = 300)
    void randomTablesPassTheAudit(@ForAll("tables") long[][] cells) {
        Publication p = new Publication();
        table(p, "t", cells);
        assertProtected(p, Suppression.apply(p));
    }

    /** Two tables and an overview that sums their grand totals and repeats a cell, a share and an estimate. */
    @Property(tries = 150)
    void randomLinkedTablesPassTheAudit(@ForAll("tables") long[][] a, @ForAll("tables") long[][] b) {
        Publication p = new Publication();
        var ka = table(p, "a", a);
        var kb = table(p, "b", b);
        String grandA = ka.get(a.length).get(a[0].length);
        String grandB = kb.get(b.length).get(b[0].length);
        long total = p.figure(grandA).value() + p.figure(grandB).value();
        String overview = p.persons("overview", total);
        p.sum(overview, List.of(grandA, grandB));
        p.derived("share", ka.get(0).get(0), grandA);
        p.derived("estimate", kb.get(0).get(0));
        Suppression.Result r = Suppression.apply(p);
        assertProtected(p, r);
        if (r.hidden(ka.get(0).get(0)) || r.hidden(grandA)) {
            assertThat(r.hidden("share")).isTrue();
        }
    }

    /** A row of person counts, each bounded by a count of events, with totals of both. */
    @Property(tries = 200)
    void randomEventCountsPassTheAudit(@ForAll("rows") long[] persons, @ForAll("rows") long[] extra) {
        Publication p = new Publication();
        List<String> personKeys = new ArrayList<>();
        List<String> eventKeys = new ArrayList<>();
        for (int i = 0; i < persons.length; i++) {
            String pk = p.persons("persons/" + i, persons[i]);
            String ek = p.count("events/" + i, persons[i] + extra[i % extra.length]);
            p.atMost(pk, ek);
            personKeys.add(pk);
            eventKeys.add(ek);
        }
        long events = eventKeys.stream().mapToLong(k -> p.figure(k).value()).sum();
        p.sum(p.count("events/total", events), eventKeys);
        assertProtected(p, Suppression.apply(p));
    }

    @Provide
    Arbitrary<long[][]> tables() {
        Arbitrary<Long> count = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.longs().between(0, 0)),
                Tuple.of(5, Arbitraries.longs().between(1, 4)),
                Tuple.of(4, Arbitraries.longs().between(5, 40)));
        return Combinators.combine(Arbitraries.integers().between(1, 4), Arbitraries.integers().between(1, 4))
                .flatAs((rows, columns) -> count.array(long[].class).ofSize(columns).array(long[][].class).ofSize(rows));
    }

    @Provide
    Arbitrary<long[]> rows() {
        return Arbitraries.longs().between(0, 9).array(long[].class).ofMinSize(1).ofMaxSize(5);
    }

    // ---- the check, independent of the solver ----

    /**
     * No published count of persons from 1 to 4 is shown; every protected count has a bound of at least 5 and a
     * witness that agrees with everything published.
     */
    public static void assertProtected(Publication p, Suppression.Result r) {
        for (Figure f : p.figures()) {
            if (f.kind() == Kind.PERSONS && Suppression.isSmall(f.value())) {
                assertThat(r.hidden(f.key()) || !f.published()).as("%s = %d is hidden", f.key(), f.value()).isTrue();
                Audit.Bound b = r.bounds().get(f.key());
                assertThat(b).as("%s is audited", f.key()).isNotNull();
                assertThat(b.maximum()).as("the largest value %s could have", f.key()).isGreaterThanOrEqualTo(5);
                assertWitness(p, r, b);
            }
        }
    }

    static void assertWitness(Publication p, Suppression.Result r, Audit.Bound b) {
        Map<String, Long> w = b.witness();
        assertThat(w).as("a witness for %s", b.key()).isNotNull();
        assertThat(w.get(b.key())).isGreaterThanOrEqualTo(5);
        for (Relation rel : p.relations()) {
            long total = 0;
            for (Term t : rel.terms()) {
                Figure f = p.figure(t.key());
                boolean hidden = r.hidden(t.key()) || !f.published();
                long v = hidden && w.containsKey(t.key()) ? w.get(t.key()) : f.value();
                if (!hidden) {
                    assertThat(w.getOrDefault(t.key(), v)).as("the witness keeps published %s", t.key()).isEqualTo(f.value());
                }
                assertThat(v).isGreaterThanOrEqualTo(0);
                total += t.coefficient() * v;
            }
            assertThat(rel.equality() ? total == 0 : total <= 0).as("the witness for %s keeps %s", b.key(), rel).isTrue();
        }
    }
}
