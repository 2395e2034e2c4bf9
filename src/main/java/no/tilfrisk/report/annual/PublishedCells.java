package no.tilfrisk.report.annual;

import no.tilfrisk.report.annual.ReportDocument.Cell;
import no.tilfrisk.report.annual.ReportDocument.Unit;
import no.tilfrisk.report.disclosure.Publication;
import no.tilfrisk.report.disclosure.Suppression;

/**
 * The cells of a report's figures: each figure is registered in the {@link Publication} as it is written, and shows
 * «:» where the suppression ({@code decided}, once it has run) hides it. A report is written twice in its external
 * version: once to learn its figures, once with what is hidden. With {@code decided} null every figure is shown.
 */
public record PublishedCells(Publication publication, Suppression.Result decided) {

    /** How a hidden figure shows: one sign for every hidden figure, as Statistics Norway does. */
    public static final Cell HIDDEN = new Cell(":", null, true, null);

    public PublishedCells decided(Suppression.Result result) {
        return new PublishedCells(publication, result);
    }

    public boolean hidden(String key) {
        return decided != null && decided.hidden(key);
    }

    /** A count of persons, registered as published. */
    public Cell persons(String key, long n) {
        publication.persons(key, n);
        return (hidden(key) ? HIDDEN : Cell.number(n)).as(key, Unit.PERSONS);
    }

    /** A count of something else (contacts, sessions, attendances, goals), registered as published. */
    public Cell count(String key, long n) {
        publication.count(key, n);
        return (hidden(key) ? HIDDEN : Cell.number(n)).as(key, Unit.COUNT);
    }

    /** A figure computed from others and shown in words, shown only where they are. */
    public Cell derived(String key, Cell shown, String... from) {
        return derived(key, Unit.TEXT, shown, from);
    }

    /** A figure computed from others (a share, an interval), shown only where they are. */
    public Cell derived(String key, Unit unit, Cell shown, String... from) {
        publication.derived(key, from);
        return (hidden(key) ? HIDDEN : shown).as(key, unit);
    }
}
