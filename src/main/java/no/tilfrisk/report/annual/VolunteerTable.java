package no.tilfrisk.report.annual;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import no.tilfrisk.report.annual.ReportDocument.Cell;
import no.tilfrisk.report.annual.ReportDocument.Table;
import no.tilfrisk.report.disclosure.Publication;
import no.tilfrisk.volunteer.VolunteerFigures;
import no.tilfrisk.volunteer.VolunteerFigures.Figures;
import no.tilfrisk.volunteer.VolunteerFigures.Share;
import no.tilfrisk.volunteer.matching.Wish;

/**
 * The annual report's table of volunteers (seed 003: «35 stk har hatt kontakt med en Tidgiver», «ca. 47 Tidgivere
 * har vært engasjert»), for the organisation as a whole: {@link VolunteerFigures} are not kept per department. Every
 * count of persons is registered in the year's {@link Publication}, so the small-number protection treats it as
 * any other; matches count as persons (each is one participant), hours and årsverk are shown only where the
 * number of volunteers is.
 */
public final class VolunteerTable {

    private static final String KEY = "volunteer/org/";

    private VolunteerTable() {
    }

    /**
     * The table, or null where the period had no volunteer work at all. With cells that decide nothing (the
     * dashboard's, for those who may see persons) every figure shows as it is.
     */
    public static Table of(Figures f, PublishedCells cells, BiFunction<String, Object[], String> m, Locale locale) {
        long matches = f.matchesByHelp().values().stream().mapToLong(Long::longValue).sum();
        if (f.volunteersEngaged() == 0 && matches == 0 && f.participantsBecameVolunteers() == 0) {
            return null;
        }
        Publication publication = cells.publication();
        List<List<Cell>> rows = new ArrayList<>();
        Cell engaged = cells.persons(KEY + "engaged", f.volunteersEngaged());
        rows.add(row(m, "engaged", engaged));
        rows.add(row(m, "hours", cells.derived(KEY + "hours", ReportDocument.Unit.HOURS, Cell.text(decimal(f.hours(), locale)), KEY + "engaged")));
        rows.add(row(m, "arsverk", cells.derived(KEY + "arsverk", ReportDocument.Unit.FULL_TIME_EQUIVALENTS, Cell.text(decimal(f.arsverk(), locale)),
                KEY + "engaged")));
        rows.add(row(m, "participants", cells.persons(KEY + "participants", f.participantsWithVolunteer())));
        rows.add(row(m, "became", cells.persons(KEY + "became", f.participantsBecameVolunteers())));
        rows.add(row(m, "median", cells.derived(KEY + "median", ReportDocument.Unit.DAYS, Cell.text(f.medianMatchDays() == null ? "–"
                : decimal(f.medianMatchDays(), locale)), KEY + "participants")));
        rows.add(row(m, "retained3", share(cells, m, "3", f.stillGoingAfter3Months())));
        rows.add(row(m, "retained6", share(cells, m, "6", f.stillGoingAfter6Months())));
        List<String> helpKeys = new ArrayList<>();
        for (Map.Entry<Wish, Long> e : f.matchesByHelp().entrySet()) {
            String key = KEY + "help/" + e.getKey().name();
            helpKeys.add(key);
            Cell cell = cells.persons(key, e.getValue());
            if (e.getValue() > 0) {
                rows.add(List.of(Cell.text(m.apply("report.annual.volunteers.help",
                        new Object[] {m.apply("volunteer.wish." + e.getKey().name(), new Object[0])})), cell));
            }
            publication.atMost(key, KEY + "matches");
        }
        rows.add(row(m, "matches", cells.count(KEY + "matches", matches)));
        // every match is of one kind; each participant with a volunteer had a match; the cohorts are matches
        publication.sum(KEY + "matches", helpKeys);
        publication.atMost(KEY + "participants", KEY + "matches");
        publication.atMost(KEY + "cohort3", KEY + "matches");
        publication.atMost(KEY + "cohort6", KEY + "cohort3");
        publication.atMost(KEY + "retained3", KEY + "cohort3");
        publication.atMost(KEY + "retained6", KEY + "cohort6");
        return new Table(m.apply("report.annual.volunteers.caption", new Object[0]),
                List.of(m.apply("report.annual.volunteers.what", new Object[0]),
                        m.apply("report.annual.volunteers.count", new Object[0])),
                rows, true, m.apply("report.annual.volunteers.rule", new Object[0]));
    }

    /** «4 av 6 (67 %)»: shown only where both counts may be. */
    private static Cell share(PublishedCells cells, BiFunction<String, Object[], String> m, String months, Share s) {
        cells.persons(KEY + "retained" + months, s.count());
        cells.persons(KEY + "cohort" + months, s.of());
        String text = s.of() == 0 ? "–" : m.apply("report.annual.volunteers.share",
                new Object[] {s.count(), s.of(), Math.round(100.0 * s.count() / s.of())});
        return cells.derived(KEY + "share" + months, Cell.text(text), KEY + "retained" + months, KEY + "cohort" + months);
    }

    private static List<Cell> row(BiFunction<String, Object[], String> m, String what, Cell value) {
        return List.of(Cell.text(m.apply("report.annual.volunteers." + what, new Object[0])), value);
    }

    private static String decimal(BigDecimal value, Locale locale) {
        String plain = value.stripTrailingZeros().toPlainString();
        return locale.getLanguage().equals("en") ? plain : plain.replace('.', ',');
    }
}
