package no.tilfrisk.report.annual;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import no.tilfrisk.platform.web.InvalidInputException;
import no.tilfrisk.platform.web.NotFoundException;
import no.tilfrisk.report.export.PdfExport;
import no.tilfrisk.report.export.ReportFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/reports/annual")
@Tag(name = "Annual report", description = "The annual report computed from the year's records")
class AnnualReportApi {

    /** The report as JSON: its sections, each with its texts and tables; a hidden count has no value. */
    record Json(String title, String organisation, LocalDate from, LocalDate to, UUID department, boolean external,
                List<String> cover, List<JsonSection> sections) {
    }

    record JsonSection(String key, String heading, List<String> paragraphs, List<JsonTable> tables) {
    }

    record JsonTable(String caption, List<String> headers, List<List<JsonCell>> rows, String note) {
    }

    record JsonCell(String text, Number value, boolean suppressed, String link) {
    }

    /** The figures form: the report's scope, and every figure of its tables once. */
    record Figures(String title, String organisation, LocalDate from, LocalDate to, UUID department, boolean external,
                   List<ReportFigures.Figure> figures) {
    }

    private final AnnualReport report;
    private final PdfExport pdf;

    AnnualReportApi(AnnualReport report, PdfExport pdf) {
        this.report = report;
        this.pdf = pdf;
    }

    @GetMapping
    @Operation(summary = "The annual report for a year, or a period from/to, of the organisation or one department",
            description = "A report reader always gets the external version (counts of persons from 1 to 4 hidden).")
    Json annual(@RequestParam(required = false) Integer year, @RequestParam(required = false) LocalDate from,
                @RequestParam(required = false) LocalDate to, @RequestParam(required = false) UUID department,
                @RequestParam(defaultValue = "false") boolean external, Locale locale) {
        AnnualReport.Request checked = report.check(request(year, from, to, department, external));
        ReportDocument doc = report.build(checked, locale);
        List<JsonSection> sections = doc.sections().stream().map(s -> new JsonSection(s.key(), s.heading(),
                s.blocks().stream().filter(b -> b instanceof ReportDocument.Paragraph)
                        .map(b -> ((ReportDocument.Paragraph) b).text()).toList(),
                s.blocks().stream().map(b -> b instanceof ReportDocument.Table t ? t
                                : b instanceof ReportDocument.Chart c ? c.data() : null)
                        .filter(t -> t != null).map(AnnualReportApi::table).toList())).toList();
        return new Json(doc.title(), doc.subtitle(), checked.from(), checked.to(), checked.departmentId(),
                checked.external(), doc.coverLines(), sections);
    }

    @GetMapping("/figures")
    @Operation(summary = "The annual report's figures, each with a stable key, its value or its suppression, its rule and unit",
            description = "The same choices, the same audited document and the same suppression as the JSON document: "
                    + "read from the report's own tables. Keys are the section and the figure, dotted, with «org» or a "
                    + "department's id as the scope: activity.roles.org.PARTICIPANT (participants), "
                    + "activity.roles.org.total (distinct persons in any role), "
                    + "followup.contacts.org.ONE_TO_ONE.logged, results.outcome.org.abstinence.share. A hidden figure "
                    + "has suppressed true, text «:» and no value. Units: PERSONS, COUNT, PERCENT, PERCENT_RANGE, NOK, "
                    + "HOURS, DAYS, FULL_TIME_EQUIVALENTS, TEXT.")
    Figures figures(@RequestParam(required = false) Integer year, @RequestParam(required = false) LocalDate from,
                    @RequestParam(required = false) LocalDate to, @RequestParam(required = false) UUID department,
                    @RequestParam(defaultValue = "false") boolean external, Locale locale) {
        AnnualReport.Request checked = report.check(request(year, from, to, department, external));
        ReportDocument doc = report.build(checked, locale);
        return new Figures(doc.title(), doc.subtitle(), checked.from(), checked.to(), checked.departmentId(),
                checked.external(), ReportFigures.of(doc));
    }

    @GetMapping("/{format}")
    @Operation(summary = "The annual report as a file: pdf, docx, xlsx or csv (a zip of one file per table)",
            description = "The same choices and the same audited document as the JSON and the page's downloads, "
                    + "with a Bearer token.")
    ResponseEntity<byte[]> download(@PathVariable String format, @RequestParam(required = false) Integer year,
                                    @RequestParam(required = false) LocalDate from,
                                    @RequestParam(required = false) LocalDate to,
                                    @RequestParam(required = false) UUID department,
                                    @RequestParam(defaultValue = "false") boolean external, Locale locale) {
        ReportFormat kind = ReportFormat.named(format).orElseThrow(() -> new NotFoundException("Format"));
        AnnualReport.Request checked = report.check(request(year, from, to, department, external));
        ReportDocument doc = report.build(checked, locale);
        String name = "arsrapport-" + checked.from() + "-" + checked.to() + (checked.external() ? "-ekstern" : "");
        return kind.download(doc, name, locale, pdf);
    }

    private static AnnualReport.Request request(Integer year, LocalDate from, LocalDate to, UUID department,
                                                boolean external) {
        if (year != null) {
            if (year < 2000 || year > 2100) {
                throw new InvalidInputException("year", "report.annual.year.invalid");
            }
            return AnnualReport.Request.year(year, department, external);
        }
        if (from != null || to != null) {
            return new AnnualReport.Request(from, to, department, external);
        }
        throw new InvalidInputException("year", "report.annual.year.required");
    }

    private static JsonTable table(ReportDocument.Table t) {
        return new JsonTable(t.caption(), t.headers(), t.rows().stream().map(row -> row.stream()
                .map(c -> new JsonCell(c.text(), c.suppressed() ? null : c.number(), c.suppressed(), c.link())).toList())
                .toList(), t.note());
    }
}
