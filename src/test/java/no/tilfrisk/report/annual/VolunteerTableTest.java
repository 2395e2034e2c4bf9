package no.tilfrisk.report.annual;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
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
import no.tilfrisk.volunteer.VolunteerFigures.Figures;
import no.tilfrisk.volunteer.VolunteerFigures.Share;
import no.tilfrisk.volunteer.matching.Wish;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The volunteer table of the annual report on hand-made figures: 12 volunteers engaged, 864 hours (0.51 årsverk),
 * 9 participants with a volunteer, 2 who became volunteers, a median of 45.5 days, 3 of 7 matches going after 3
 * months and 2 of 5 after 6, and 11 matches: 6 for company, 3 walks, 2 on finances.
 */
class VolunteerTableTest {

    private static final Figures FIGURES = new Figures(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), 12,
            new BigDecimal("864.0"), new BigDecimal("0.51"), 9, new BigDecimal("45.5"), new Share(3, 7),
            new Share(2, 5), 2, byHelp(6, 3, 2));

    @Test
    void theInternalTableShowsTheExactFigures() {
        Table t = VolunteerTable.of(FIGURES, new PublishedCells(new Publication(), null), messages(NB), NB);
        assertThat(values(t)).containsExactly(
                Map.entry("Frivillige engasjert (unike)", "12"),
                Map.entry("Timer logget på møter", "864"),
                Map.entry("Frivillige årsverk (timer / 1 703)", "0,51"),
                Map.entry("Deltakere som har hatt en frivillig (unike)", "9"),
                Map.entry("Deltakere som er blitt frivillige", "2"),
                Map.entry("Varighet på avsluttede matcher, median (dager)", "45,5"),
                Map.entry("Matcher fortsatt i gang etter 3 måneder", "3 av 7 (43 %)"),
                Map.entry("Matcher fortsatt i gang etter 6 måneder", "2 av 5 (40 %)"),
                Map.entry("Matcher: Noen å snakke med", "6"),
                Map.entry("Matcher: Gå tur ute", "3"),
                Map.entry("Matcher: Økonomi og regninger", "2"),
                Map.entry("Matcher i gang i perioden", "11"));
    }

    /**
     * By hand: 2 became, 3 and 2 still going, 3 walks and 2 on finances are 1–4 persons, so hidden, and the shares
     * made from them with them. Nothing more is needed: the walks and finances are 11 − 6 = 5 together, so either
     * could be 5; those still going are at most the 7 and the 5 of their cohorts; «became» stands alone.
     */
    @Test
    void theExternalTableHidesSmallCountsAndWhatGivesThemAway() {
        Publication publication = new Publication();
        PublishedCells cells = new PublishedCells(publication, null);
        VolunteerTable.of(FIGURES, cells, messages(NB), NB);
        Suppression.Result result = Suppression.apply(publication);
        Table t = VolunteerTable.of(FIGURES, cells.decided(result), messages(NB), NB);
        assertThat(values(t)).containsExactly(
                Map.entry("Frivillige engasjert (unike)", "12"),
                Map.entry("Timer logget på møter", "864"),
                Map.entry("Frivillige årsverk (timer / 1 703)", "0,51"),
                Map.entry("Deltakere som har hatt en frivillig (unike)", "9"),
                Map.entry("Deltakere som er blitt frivillige", ":"),
                Map.entry("Varighet på avsluttede matcher, median (dager)", "45,5"),
                Map.entry("Matcher fortsatt i gang etter 3 måneder", ":"),
                Map.entry("Matcher fortsatt i gang etter 6 måneder", ":"),
                Map.entry("Matcher: Noen å snakke med", "6"),
                Map.entry("Matcher: Gå tur ute", ":"),
                Map.entry("Matcher: Økonomi og regninger", ":"),
                Map.entry("Matcher i gang i perioden", "11"));
        SuppressionTest.assertProtected(publication, result);
    }

    @Test
    void fourVolunteersHideTheirHoursWithThem() {
        Figures few = new Figures(FIGURES.from(), FIGURES.to(), 4, new BigDecimal("30"), new BigDecimal("0.02"), 9,
                null, new Share(0, 0), new Share(0, 0), 0, byHelp(9, 0, 0));
        Publication publication = new Publication();
        PublishedCells cells = new PublishedCells(publication, null);
        VolunteerTable.of(few, cells, messages(EN), EN);
        Table t = VolunteerTable.of(few, cells.decided(Suppression.apply(publication)), messages(EN), EN);
        assertThat(values(t)).containsEntry("Volunteers engaged (unique)", ":")
                .containsEntry("Hours logged at meetings", ":")
                .containsEntry("Volunteer full-time equivalents (hours / 1,703)", ":")
                .containsEntry("Length of ended matches, median (days)", "–")
                .containsEntry("Matches still going after 3 months", "–")
                .containsEntry("Matches: Someone to talk to", "9");
    }

    @Test
    void aYearWithoutVolunteerWorkHasNoTable() {
        Figures none = new Figures(FIGURES.from(), FIGURES.to(), 0, BigDecimal.ZERO, BigDecimal.ZERO, 0, null,
                new Share(0, 0), new Share(0, 0), 0, byHelp(0, 0, 0));
        assertThat(VolunteerTable.of(none, new PublishedCells(new Publication(), null), messages(NB), NB)).isNull();
    }

    private static final Locale NB = Locale.forLanguageTag("nb");
    private static final Locale EN = Locale.forLanguageTag("en");

    private static Map<Wish, Long> byHelp(long company, long walks, long finances) {
        Map<Wish, Long> m = new EnumMap<>(Wish.class);
        for (Wish w : Wish.values()) {
            m.put(w, 0L);
        }
        m.put(Wish.COMPANY, company);
        m.put(Wish.WALK_OUTDOORS, walks);
        m.put(Wish.FINANCES, finances);
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
