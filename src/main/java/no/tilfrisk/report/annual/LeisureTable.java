package no.tilfrisk.report.annual;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import no.tilfrisk.leisure.LeisureFigures.Figures;
import no.tilfrisk.leisure.LeisureFigures.Share;
import no.tilfrisk.leisure.Step;
import no.tilfrisk.report.annual.ReportDocument.Cell;
import no.tilfrisk.report.annual.ReportDocument.Table;
import no.tilfrisk.report.disclosure.Publication;

/**
 * The annual report's table «Fritid og inkludering» in section 3 (issue 18 item 7, seed 002), for the organisation
 * as a whole: the participants in an inclusion process and per step, the shares still active after 6 and 12 months
 * with n and the Wilson interval, those with a valued role, those who moved on to work or studies, and the
 * equipment loans. Every count of persons is registered in the year's {@link Publication}: the «no» of each share
 * as an unpublished rest, and the steps as parts of the whole, so the small-number protection treats them as any
 * other. Loans are counts of loans, not persons.
 */
public final class LeisureTable {

    /** The keys of the organisation's figures in the annual report (the API's figures read the same). */
    public static final String ORG = "leisure/org/";

    private LeisureTable() {
    }

    /** The table, or null where the period had no leisure work at all. */
    public static Table of(Figures f, PublishedCells cells, BiFunction<String, Object[], String> m) {
        return of(f, cells, m, ORG);
    }

    /**
     * The same table with its figures under another key (the funder report's project participants: {@code
     * "leisure/project/"}), so that a figure of one scope is never taken for another's.
     */
    public static Table of(Figures f, PublishedCells cells, BiFunction<String, Object[], String> m, String key) {
        if (f.empty()) {
            return null;
        }
        Publication publication = cells.publication();
        List<List<Cell>> rows = new ArrayList<>();
        rows.add(row(m, "leisure.figures.inProcess", cells.persons(key + "inProcess", f.inProcess())));
        List<String> parts = new ArrayList<>();
        for (Map.Entry<Step, Long> e : f.perStep().entrySet()) {
            String step = key + "step/" + e.getKey().name();
            parts.add(step);
            Cell cell = cells.persons(step, e.getValue());
            rows.add(List.of(Cell.text(m.apply("leisure.figures.atStep", new Object[] {e.getKey().number(),
                    m.apply("leisure.step." + e.getKey().name(), new Object[0])})), cell));
        }
        parts.add(key + "step/none");
        rows.add(row(m, "leisure.figures.notBegun", cells.persons(key + "step/none", f.notBegun())));
        // distinct participants are at most their processes, each at one step
        publication.atMostSum(key + "inProcess", parts);
        rows.add(row(m, "leisure.figures.active6", share(cells, m, key, "active6", "cohort6", f.activeAfter6Months())));
        rows.add(row(m, "leisure.figures.valuedRole", share(cells, m, key, "role6", "cohort6", f.valuedRole())));
        rows.add(row(m, "leisure.figures.active12", share(cells, m, key, "active12", "cohort12", f.activeAfter12Months())));
        rows.add(row(m, "leisure.figures.workOrStudies", cells.persons(key + "workOrStudies", f.workOrStudies())));
        rows.add(row(m, "leisure.figures.loans", cells.count(key + "loans", f.loans())));
        return new Table(m.apply("leisure.figures.caption", new Object[0]),
                List.of(m.apply("leisure.figures.what", new Object[0]), m.apply("leisure.figures.count", new Object[0])),
                rows, true, m.apply("leisure.figures.rule", new Object[0]));
    }

    /** «1 av 2 (50 %, 95 % KI 9–91 %)»: shown only where both counts may be. */
    private static Cell share(PublishedCells cells, BiFunction<String, Object[], String> m, String key, String what,
                              String cohort,
                              Share s) {
        Publication publication = cells.publication();
        String yes = key + what;
        String n = key + cohort;
        if (!publication.has(n)) {
            publication.persons(n, s.of());
        }
        publication.persons(yes, s.count());
        publication.atMost(yes, n);
        publication.unpublishedRest(n, yes, key + what + "/no");
        String text = s.of() == 0 ? "–" : m.apply("leisure.figures.share", new Object[] {s.count(), s.of(),
                Math.round(100.0 * s.count() / s.of()), Math.round(100 * s.interval()[0]),
                Math.round(100 * s.interval()[1])});
        return cells.derived(key + what + "/share", Cell.text(text), yes, n);
    }

    private static List<Cell> row(BiFunction<String, Object[], String> m, String key, Cell value) {
        return List.of(Cell.text(m.apply(key, new Object[0])), value);
    }
}
