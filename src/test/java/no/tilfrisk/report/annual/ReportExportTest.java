package no.tilfrisk.report.annual;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import no.tilfrisk.TilfriskTest;
import no.tilfrisk.platform.chart.BarChart;
import no.tilfrisk.report.annual.ReportDocument.Cell;
import no.tilfrisk.report.annual.ReportDocument.Chart;
import no.tilfrisk.report.annual.ReportDocument.Paragraph;
import no.tilfrisk.report.annual.ReportDocument.Section;
import no.tilfrisk.report.annual.ReportDocument.Subheading;
import no.tilfrisk.report.annual.ReportDocument.Table;
import no.tilfrisk.report.export.CsvExport;
import no.tilfrisk.report.export.DocxExport;
import no.tilfrisk.report.export.PdfExport;
import no.tilfrisk.report.export.XlsxExport;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;

/** The exports open in the tools people use, and carry the sections, headings and figures of the document. */
@TilfriskTest
class ReportExportTest {

    @Autowired
    PdfExport pdf;
    @Autowired
    SpringTemplateEngine templates;

    /**
     * Two sections with Norwegian letters: one with text, a subheading and a table of person counts after
     * suppression (3 hidden as «:», with its rectangle), one with a chart and its data.
     */
    static ReportDocument document() {
        Cell hidden = PublishedCells.HIDDEN;
        Table roles = new Table("Deltakere per rolle og avdeling", List.of("Avdeling", "Brukere", "Pårørende",
                "Fagpersoner", "Sum"), List.of(
                List.of(Cell.text("Skien"), hidden, hidden, Cell.number(12), Cell.number(25)),
                List.of(Cell.text("Tønsberg"), hidden, hidden, Cell.number(20), Cell.number(37)),
                List.of(Cell.text("Sum"), Cell.number(11), Cell.number(19), Cell.number(32), Cell.number(62))), true,
                "«:» = vises ikke av personvernhensyn.");
        Table groups = new Table("Grupper", List.of("Gruppe", "Deltakere"), List.of(
                List.of(Cell.text("Kvinnegruppe"), Cell.number(14)),
                List.of(Cell.text("Friluftsgruppe"), Cell.number(13).withLink("/activities/x"))), true, null);
        String svg = BarChart.render("grupper", "Deltakere per gruppe", "Kvinnegruppe 14, friluftsgruppe 13.",
                List.of(BarChart.Bar.of("Kvinnegruppe", 14), BarChart.Bar.of("Friluftsgruppe", 13)));
        return new ReportDocument("Årsrapport 2025", "Demo Recovery", List.of("Hele organisasjonen", "01.01.2025–31.12.2025"),
                List.of(
                        new Section("aktivitet", "3. Aktivitet og deltakelse – året i tall", List.of(
                                Paragraph.of("Året har vært preget av økt deltakelse, særlig på Ærø-turen."),
                                new Subheading("Deltakere og aktører"),
                                roles)),
                        new Section("grupper", "4. Arrangementer og sosiale tiltak", List.of(
                                new Paragraph("Grupper i året.", "<p>Grupper i <strong>året</strong>.</p>"),
                                new Chart(svg, groups)))));
    }

    @Test
    void thePdfParsesAndHasTheCoverTheSectionTitlesPageNumbersAndNorwegianLetters() throws Exception {
        byte[] bytes = pdf.write(document(), Locale.forLanguageTag("nb"));
        assertThat(new String(bytes, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (var parsed = Loader.loadPDF(bytes)) {
            String text = new PDFTextStripper().getText(parsed);
            List<String> pages = new ArrayList<>();
            for (int i = 1; i <= parsed.getNumberOfPages(); i++) {
                var perPage = new PDFTextStripper();
                perPage.setStartPage(i);
                perPage.setEndPage(i);
                pages.add(perPage.getText(parsed).strip());
            }
            // the cover, the contents with each section's page, then the sections flowing on from each other
            assertThat(pages).as(String.join("\n----\n", pages)).hasSize(3);
            assertThat(pages.get(1).replaceAll("\\s+", " ")).contains("Innhold",
                    "3. Aktivitet og deltakelse – året i tall · Side 3", "4. Arrangementer og sosiale tiltak · Side 3");
            // the chart is drawn (Batik makes it a form, its labels as shapes) on the page of its section, and only there
            assertThat(parsed.getPage(2).getResources().getXObjectNames()).singleElement()
                    .satisfies(n -> assertThat(parsed.getPage(2).getResources().getXObject(n))
                            .isInstanceOf(PDFormXObject.class));
            assertThat(parsed.getPage(1).getResources().getXObjectNames()).isEmpty();
            assertThat(text).contains("Årsrapport 2025", "Demo Recovery", "3. Aktivitet og deltakelse – året i tall",
                    "4. Arrangementer og sosiale tiltak", "Deltakere og aktører", "Pårørende", "Tønsberg", "Ærø-turen",
                    "Side 2 av 3", "Skien : : 12 25", "Kvinnegruppe");
            // the cover has no page number
            var stripper = new PDFTextStripper();
            stripper.setStartPage(1);
            stripper.setEndPage(1);
            assertThat(stripper.getText(parsed)).doesNotContain("Side 1");
            // the font is embedded, not a base-14 font that depends on the reader
            var fonts = new ArrayList<String>();
            for (var name : parsed.getPage(1).getResources().getFontNames()) {
                var font = parsed.getPage(1).getResources().getFont(name);
                fonts.add(font.getName() + (font.isEmbedded() ? "+embedded" : ""));
            }
            assertThat(fonts).anyMatch(f -> f.contains("DejaVu") && f.endsWith("+embedded"));
        }
    }

    @Test
    void theDocxOpensWithTheSectionsAsHeadingsWordKnowsAndTheTablesAsTables() throws Exception {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(DocxExport.write(document())))) {
            Map<String, String> headings = new LinkedHashMap<>();
            for (XWPFParagraph p : doc.getParagraphs()) {
                if (p.getStyle() != null && p.getStyle().startsWith("Heading")) {
                    headings.put(p.getText(), p.getStyle());
                }
            }
            assertThat(headings).containsExactly(
                    Map.entry("3. Aktivitet og deltakelse – året i tall", "Heading1"),
                    Map.entry("Deltakere og aktører", "Heading2"),
                    Map.entry("4. Arrangementer og sosiale tiltak", "Heading1"));
            assertThat(doc.getStyles().getStyle("Heading1").getName()).isEqualTo("heading 1");
            assertThat(doc.getStyles().getStyle("Heading2").getName()).isEqualTo("heading 2");
            assertThat(doc.getTables()).hasSize(2);
            var roles = doc.getTables().get(0);
            assertThat(roles.getRow(0).getCell(2).getText()).isEqualTo("Pårørende");
            assertThat(roles.getRow(1).getCell(1).getText()).isEqualTo(":");
            assertThat(roles.getRow(1).getCell(2).getText()).isEqualTo(":");
            assertThat(roles.getRow(1).getCell(3).getText()).isEqualTo("12");
            assertThat(roles.getRow(3).getCell(4).getText()).isEqualTo("62");
            assertThat(doc.getTables().get(1).getRow(2).getCell(1).getText()).isEqualTo("13");
        }
    }

    @Test
    void theXlsxHasOneSheetPerSectionWithTheFiguresAsNumbers() throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(XlsxExport.write(document())))) {
            List<String> sheets = new ArrayList<>();
            book.forEach(s -> sheets.add(s.getSheetName()));
            assertThat(sheets).containsExactly("Årsrapport 2025", "3. Aktivitet og deltakelse – år",
                    "4. Arrangementer og sosiale til");
            XSSFSheet activity = book.getSheetAt(1);
            DataFormatter shown = new DataFormatter();
            // row 0 heading, 2 caption, 3 header, 4.. rows
            assertThat(shown.formatCellValue(activity.getRow(2).getCell(0))).isEqualTo("Deltakere per rolle og avdeling");
            assertThat(shown.formatCellValue(activity.getRow(3).getCell(2))).isEqualTo("Pårørende");
            assertThat(shown.formatCellValue(activity.getRow(4).getCell(1))).isEqualTo(":");
            assertThat(activity.getRow(4).getCell(3).getNumericCellValue()).isEqualTo(12.0);
            assertThat(activity.getRow(6).getCell(4).getNumericCellValue()).isEqualTo(62.0);
            XSSFSheet groups = book.getSheetAt(2);
            assertThat(shown.formatCellValue(groups.getRow(2).getCell(0))).isEqualTo("Grupper");
            assertThat(groups.getRow(4).getCell(1).getNumericCellValue()).isEqualTo(14.0);
        }
    }

    @Test
    void theCsvZipHasOneFilePerTable() throws Exception {
        Map<String, String> files = new LinkedHashMap<>();
        try (var zip = new ZipInputStream(new ByteArrayInputStream(CsvExport.write(document())))) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                files.put(e.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertThat(files.keySet()).containsExactly("01-aktivitet-deltakere-per-rolle-og-avdeling.csv", "02-grupper-grupper.csv");
        String roles = files.get("01-aktivitet-deltakere-per-rolle-og-avdeling.csv");
        assertThat(roles).startsWith("\ufeffAvdeling;Brukere;Pårørende;Fagpersoner;Sum\r\n");
        assertThat(roles).contains("Skien;:;:;12;25\r\n", "Sum;11;19;32;62\r\n");
        assertThat(files.get("02-grupper-grupper.csv")).contains("Friluftsgruppe;13");
    }

    @Test
    void thePageFragmentRendersAccessibleTablesAndTheChartWithItsData() {
        Context context = new Context(Locale.forLanguageTag("nb"));
        context.setVariable("doc", document());
        String html = templates.process("report/document", Set.of("document"), context);
        assertThat(html).contains("<h2 id=\"heading-aktivitet\">3. Aktivitet og deltakelse – året i tall</h2>",
                "<h3>Deltakere og aktører</h3>", "<caption>Deltakere per rolle og avdeling</caption>",
                "<th scope=\"col\">Pårørende</th>", "<th scope=\"row\">", "role=\"img\"", "<title id=\"grupper-title\">",
                "href=\"/activities/x\"", "<strong>året</strong>", "<span aria-hidden=\"true\">:</span><span class=\"visually-hidden\">vises ikke av personvernhensyn</span>");
    }

    @Test
    void theBarChartEscapesTextAndDrawsNoBarForAMissingValue() {
        String svg = BarChart.render("a b", "<Tittel>", "Beskrivelse & mer",
                List.of(BarChart.Bar.of("En", 10), new BarChart.Bar("To", null, "<5"), BarChart.Bar.of("Tre", 5)));
        assertThat(svg).contains("aria-labelledby=\"a-b-title a-b-desc\"", "&lt;Tittel&gt;", "Beskrivelse &amp; mer",
                ">&lt;5</text>");
        assertThat(svg.split("<rect", -1)).hasSize(3);
        // the longest bar fills the plot; half the value, half the length
        assertThat(svg).contains("width=\"350.0\"", "width=\"175.0\"");
    }
}
