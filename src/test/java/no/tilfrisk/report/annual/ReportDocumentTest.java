package no.tilfrisk.report.annual;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import no.tilfrisk.report.annual.ReportDocument.Chart;
import no.tilfrisk.report.annual.ReportDocument.Paragraph;
import no.tilfrisk.report.annual.ReportDocument.Section;
import no.tilfrisk.report.annual.ReportDocument.Table;
import org.junit.jupiter.api.Test;

class ReportDocumentTest {

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
