package no.tilfrisk.report.annual;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import no.tilfrisk.report.annual.ReportDocument.Cell;
import no.tilfrisk.report.annual.ReportDocument.Table;
import no.tilfrisk.report.disclosure.Publication;
import no.tilfrisk.transition.TransitionFigures.Figures;
import no.tilfrisk.transition.TransitionFigures.Share;
import no.tilfrisk.transition.TransitionKind;

/**
 * The annual report's table of transitions (issue 17): transitions in the period by kind, the share with housing in
 * place on the day, the share with a first contact within 7 days, and the alerts open at the period's end; for the
 * organisation as a whole, as the volunteers. Every transition is one person's, so each count of transitions is
 * registered as persons in the year's {@link Publication}, with the sums and bounds an attacker knows: the kinds add
 * up to the total, and each share's part is at most its whole, which is at most the total. A share shows only where
 * both its counts may.
 */
public final class TransitionTable {

    private static final String KEY = "transition/org/";

    private TransitionTable() {
    }

    /** The table, or null where the period had no transition and no open alert. */
    public static Table of(Figures f, PublishedCells cells, BiFunction<String, Object[], String> m) {
        if (f.total() == 0 && f.alertsOpen() == 0) {
            return null;
        }
        Publication publication = cells.publication();
        List<List<Cell>> rows = new ArrayList<>();
        List<String> kindKeys = new ArrayList<>();
        for (Map.Entry<TransitionKind, Long> e : f.byKind().entrySet()) {
            String key = KEY + "kind/" + e.getKey().name();
            kindKeys.add(key);
            Cell cell = cells.persons(key, e.getValue());
            if (e.getValue() > 0) {
                rows.add(List.of(Cell.text(m.apply("transition.kind." + e.getKey().name(), new Object[0])), cell));
            }
        }
        rows.add(row(m, "total", cells.persons(KEY + "total", f.total())));
        publication.sum(KEY + "total", kindKeys);
        rows.add(row(m, "housing", share(cells, m, "housing", f.housingOnTheDay())));
        rows.add(row(m, "contact", share(cells, m, "contact", f.firstContactWithin7Days())));
        rows.add(row(m, "alerts", cells.count(KEY + "alerts", f.alertsOpen())));
        return new Table(m.apply("report.annual.transitions.caption", new Object[0]),
                List.of(m.apply("report.annual.transitions.what", new Object[0]),
                        m.apply("report.annual.transitions.count", new Object[0])),
                rows, true, m.apply("report.annual.transitions.rule", new Object[0]));
    }

    /** «3 av 5 (60 %)»: shown only where both counts may be. */
    private static Cell share(PublishedCells cells, BiFunction<String, Object[], String> m, String what, Share s) {
        String part = KEY + what;
        String whole = KEY + what + "/of";
        cells.persons(part, s.count());
        cells.persons(whole, s.of());
        cells.publication().unpublishedRest(whole, part, KEY + what + "/rest");
        cells.publication().atMost(whole, KEY + "total");
        String text = s.of() == 0 ? "–" : m.apply("report.annual.transitions.share",
                new Object[] {s.count(), s.of(), Math.round(100.0 * s.count() / s.of())});
        return cells.derived(KEY + what + "/share", Cell.text(text), part, whole);
    }

    private static List<Cell> row(BiFunction<String, Object[], String> m, String what, Cell value) {
        return List.of(Cell.text(m.apply("report.annual.transitions." + what, new Object[0])), value);
    }
}
