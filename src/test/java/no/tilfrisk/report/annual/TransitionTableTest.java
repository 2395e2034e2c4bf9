package no.tilfrisk.report.annual;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import no.tilfrisk.report.annual.ReportDocument.Cell;
import no.tilfrisk.report.annual.ReportDocument.Table;
import no.tilfrisk.report.disclosure.Publication;
import no.tilfrisk.report.disclosure.Suppression;
import no.tilfrisk.report.disclosure.SuppressionTest;
import no.tilfrisk.transition.TransitionFigures.Figures;
import no.tilfrisk.transition.TransitionFigures.Share;
import no.tilfrisk.transition.TransitionKind;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The transition table of the annual report on hand-made figures, through the small-number protection on its own:
 * 7 discharges from TSB, 3 from mental health care, 6 releases from prison, none from a municipal stay, 2 others
 * (18 in all); housing in place on the day for 9 of 14; a first contact within 7 days for 2 of 12; 3 alerts open.
 */
class TransitionTableTest {

    private static final LocalDate FROM = LocalDate.of(2025, 1, 1);
    private static final LocalDate TO = LocalDate.of(2025, 12, 31);
    private static final Figures FIGURES = new Figures(FROM, TO, kinds(7, 3, 6, 0, 2), new Share(9, 14),
            new Share(2, 12), 3);

    @Test
    void theInternalTableShowsTheExactFiguresAndSaysCancelledOnesAreLeftOut() {
        Table t = TransitionTable.of(FIGURES, new PublishedCells(new Publication(), null), messages(NB));
        assertThat(values(t)).containsExactly(
                Map.entry("Utskrivning fra rusbehandling (TSB)", "7"),
                Map.entry("Utskrivning fra psykisk helsevern", "3"),
                Map.entry("Løslatelse fra fengsel", "6"),
                Map.entry("Annen overgang", "2"),
                Map.entry("Overganger i perioden", "18"),
                Map.entry("Bolig på plass på dagen", "9 av 14 (64 %)"),
                Map.entry("Første kontakt innen 7 dager", "2 av 12 (17 %)"),
                Map.entry("Åpne varsler ved periodens slutt", "3"));
        assertThat(t.note()).contains("Avlyste overganger telles ikke med");
    }

    /**
     * By hand: 3 (mental health), 2 (other) and 2 (first contacts) are 1–4 persons, so hidden, and the share made
     * from the 2 with it. Nothing more is needed: the two hidden kinds are 18 − 7 − 6 − 0 = 5 together, so either
     * could be 5; the contacts are at most their 12 (their «no», 10, is never shown); 9 of 14 leaves 5 without
     * housing. The alerts are not persons. The zero kind (municipal stay) has no row.
     */
    @Test
    void theExternalTableHidesTheSmallCountsAndNothingMore() {
        Publication publication = new Publication();
        PublishedCells cells = new PublishedCells(publication, null);
        TransitionTable.of(FIGURES, cells, messages(NB));
        Suppression.Result result = Suppression.apply(publication);
        Table t = TransitionTable.of(FIGURES, cells.decided(result), messages(NB));
        assertThat(values(t)).containsExactly(
                Map.entry("Utskrivning fra rusbehandling (TSB)", "7"),
                Map.entry("Utskrivning fra psykisk helsevern", ":"),
                Map.entry("Løslatelse fra fengsel", "6"),
                Map.entry("Annen overgang", ":"),
                Map.entry("Overganger i perioden", "18"),
                Map.entry("Bolig på plass på dagen", "9 av 14 (64 %)"),
                Map.entry("Første kontakt innen 7 dager", ":"),
                Map.entry("Åpne varsler ved periodens slutt", "3"));
        SuppressionTest.assertProtected(publication, result);
    }

    /**
     * By hand: four transitions, all from TSB: the kind and the total are 4, hidden; housing for 1 of 4 hides both
     * its counts and the share; no transition is 7 days past, so the contact share is «–»; alerts stay.
     */
    @Test
    void fourTransitionsHideTheirTotalAndTheirShares() {
        Figures few = new Figures(FROM, TO, kinds(4, 0, 0, 0, 0), new Share(1, 4), new Share(0, 0), 2);
        Publication publication = new Publication();
        PublishedCells cells = new PublishedCells(publication, null);
        TransitionTable.of(few, cells, messages(EN));
        Suppression.Result result = Suppression.apply(publication);
        Table t = TransitionTable.of(few, cells.decided(result), messages(EN));
        assertThat(values(t)).containsExactly(
                Map.entry("Discharge from addiction treatment (TSB)", ":"),
                Map.entry("Transitions in the period", ":"),
                Map.entry("Housing in place on the day", ":"),
                Map.entry("First contact within 7 days", "–"),
                Map.entry("Open alerts at the end of the period", "2"));
        SuppressionTest.assertProtected(publication, result);
    }

    @Test
    void aPeriodWithoutTransitionsOrAlertsHasNoTable() {
        Figures none = new Figures(FROM, TO, kinds(0, 0, 0, 0, 0), new Share(0, 0), new Share(0, 0), 0);
        assertThat(TransitionTable.of(none, new PublishedCells(new Publication(), null), messages(NB))).isNull();
    }

    private static final Locale NB = Locale.forLanguageTag("nb");
    private static final Locale EN = Locale.forLanguageTag("en");

    private static Map<TransitionKind, Long> kinds(long tsb, long mentalHealth, long prison, long municipal, long other) {
        Map<TransitionKind, Long> m = new EnumMap<>(TransitionKind.class);
        m.put(TransitionKind.DISCHARGE_TSB, tsb);
        m.put(TransitionKind.DISCHARGE_MENTAL_HEALTH, mentalHealth);
        m.put(TransitionKind.PRISON_RELEASE, prison);
        m.put(TransitionKind.MUNICIPAL_STAY_END, municipal);
        m.put(TransitionKind.OTHER, other);
        return m;
    }

    private static Map<String, String> values(Table t) {
        Map<String, String> out = new LinkedHashMap<>();
        for (List<Cell> row : t.rows()) {
            out.put(row.get(0).text(), row.get(1).text());
        }
        return out;
    }

    private static BiFunction<String, Object[], String> messages(Locale locale) {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return (key, args) -> source.getMessage(key, args, locale);
    }
}
