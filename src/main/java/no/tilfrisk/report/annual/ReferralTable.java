package no.tilfrisk.report.annual;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import no.tilfrisk.directory.ReferralFigures;
import no.tilfrisk.report.annual.ReportDocument.Cell;
import no.tilfrisk.report.annual.ReportDocument.Table;
import no.tilfrisk.report.disclosure.Publication;

/**
 * Section 5's table of referrals to other services (the service directory, issue 19), for the organisation as a
 * whole. Persons referred and persons by outcome are counts of persons under the small-number protection; the
 * outcomes sum to the persons (each person counts by the outcome of their latest referral), and the persons are
 * at most the referrals.
 */
final class ReferralTable {

    private static final String KEY = "referral/org/";

    private ReferralTable() {
    }

    /** The table, or null where the period had no referral. */
    static Table of(ReferralFigures f, PublishedCells cells, BiFunction<String, Object[], String> m) {
        if (f.referrals() == 0) {
            return null;
        }
        Publication publication = cells.publication();
        List<List<Cell>> rows = new ArrayList<>();
        rows.add(row(m, "referrals", cells.count(KEY + "referrals", f.referrals())));
        rows.add(row(m, "persons", cells.persons(KEY + "persons", f.persons())));
        rows.add(row(m, "started", cells.persons(KEY + "started", f.started())));
        rows.add(row(m, "didNotStart", cells.persons(KEY + "didNotStart", f.didNotStart())));
        rows.add(row(m, "waiting", cells.persons(KEY + "waiting", f.waiting())));
        rows.add(row(m, "noOutcome", cells.persons(KEY + "noOutcome", f.noOutcome())));
        publication.sum(KEY + "persons", List.of(KEY + "started", KEY + "didNotStart", KEY + "waiting", KEY + "noOutcome"));
        publication.atMost(KEY + "persons", KEY + "referrals");
        return new Table(m.apply("report.annual.referrals.caption", new Object[0]),
                List.of(m.apply("report.annual.referrals.figure", new Object[0]), m.apply("report.annual.kind.count", new Object[0])),
                rows, true, m.apply("report.annual.volunteers.rule", new Object[0]));
    }

    private static List<Cell> row(BiFunction<String, Object[], String> m, String what, Cell value) {
        return List.of(Cell.text(m.apply("report.annual.referrals." + what, new Object[0])), value);
    }
}
