package no.tilfrisk.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import no.tilfrisk.report.ReportDocument.Cell;
import no.tilfrisk.report.ReportDocument.Chart;
import no.tilfrisk.report.ReportDocument.Paragraph;
import no.tilfrisk.report.ReportDocument.Section;
import no.tilfrisk.report.ReportDocument.Table;
import no.tilfrisk.report.SmallNumberSuppression.CountTable;
import org.junit.jupiter.api.Test;

class ReportDocumentTest {

    @Test
    void aSuppressedCountTableBecomesATableWithTotalsAndNoSmallCount() {
        var counts = SmallNumberSuppression.apply(new CountTable(new long[][] {{3, 10}, {8, 9}}));
        Table t = Table.of("Roller", "Avdeling", List.of("Skien", "Tønsberg"), List.of("Brukere", "Pårørende"), "Sum",
                counts, null);
        assertThat(t.headers()).containsExactly("Avdeling", "Brukere", "Pårørende", "Sum");
        assertThat(t.rows()).hasSize(3);
        assertThat(t.rows().get(0)).extracting(Cell::text).containsExactly("Skien", "<5", "x", "13");
        assertThat(t.rows().get(0).get(1).number()).isNull();
        assertThat(t.rows().get(0).get(1).suppressed()).isTrue();
        assertThat(t.rows().get(2)).extracting(Cell::text).containsExactly("Sum", "11", "19", "30");
        assertThat(t.rows().get(2).get(3).number()).isEqualTo(30L);
        assertThatThrownBy(() -> Table.of("Roller", "Avdeling", List.of("Skien"), List.of("Brukere", "Pårørende"),
                "Sum", counts, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPercentageWithABaseUnderFiveIsHidden() {
        Locale nb = Locale.forLanguageTag("nb");
        assertThat(Cell.percentage(2, 4, nb)).extracting(Cell::text, Cell::suppressed, Cell::number)
                .containsExactly("x", true, null);
        assertThat(Cell.percentage(0, 0, nb).suppressed()).isTrue();
        Cell shown = Cell.percentage(3, 5, nb);
        assertThat(shown.suppressed()).isFalse();
        assertThat(shown.text()).isEqualTo("60\u00a0%");
        assertThat(shown.number()).isEqualTo(0.6);
    }

    @Test
    void theDocumentListsEveryTableChartsIncludedInOrder() {
        Table a = new Table("A", List.of("x"), List.of(), false, null);
        Table b = new Table("B", List.of("x"), List.of(), false, null);
        Table c = new Table("C", List.of("x"), List.of(), false, null);
        var doc = new ReportDocument("T", null, List.of(), List.of(
                new Section("en", "En", List.of(Paragraph.of("p"), a, new Chart("<svg/>", b))),
                new Section("to", "To", List.of(c))));
        assertThat(doc.tables()).extracting(l -> l.table().caption() + "@" + l.section().key())
                .containsExactly("A@en", "B@en", "C@to");
    }
}
