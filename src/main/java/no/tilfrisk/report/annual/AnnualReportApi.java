package no.tilfrisk.report.annual;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import no.tilfrisk.platform.web.InvalidInputException;
import org.springframework.web.bind.annotation.GetMapping;
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

    private final AnnualReport report;

    AnnualReportApi(AnnualReport report) {
        this.report = report;
    }

    @GetMapping
    @Operation(summary = "The annual report for a year, or a period from/to, of the organisation or one department",
            description = "A report reader always gets the external version (counts of persons from 1 to 4 hidden).")
    Json annual(@RequestParam(required = false) Integer year, @RequestParam(required = false) LocalDate from,
                @RequestParam(required = false) LocalDate to, @RequestParam(required = false) UUID department,
                @RequestParam(defaultValue = "false") boolean external, Locale locale) {
        AnnualReport.Request asked;
        if (year != null) {
            if (year < 2000 || year > 2100) {
                throw new InvalidInputException("year", "report.annual.year.invalid");
            }
            asked = AnnualReport.Request.year(year, department, external);
        } else if (from != null || to != null) {
            asked = new AnnualReport.Request(from, to, department, external);
        } else {
            throw new InvalidInputException("year", "report.annual.year.required");
        }
        AnnualReport.Request checked = report.check(asked);
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

    private static JsonTable table(ReportDocument.Table t) {
        return new JsonTable(t.caption(), t.headers(), t.rows().stream().map(row -> row.stream()
                .map(c -> new JsonCell(c.text(), c.suppressed() ? null : c.number(), c.suppressed(), c.link())).toList())
                .toList(), t.note());
    }
}
