package no.tilfrisk.report.funder;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import no.tilfrisk.platform.web.NotFoundException;
import no.tilfrisk.report.annual.ReportDocument;
import no.tilfrisk.report.export.PdfExport;
import no.tilfrisk.report.export.ReportFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The funder's final report as JSON. A {@code @RestController}, so its errors are problem+json as on the rest of the API. */
@RestController
class FunderReportApi {

    private final FunderReport report;
    private final PdfExport pdf;

    FunderReportApi(FunderReport report, PdfExport pdf) {
        this.report = report;
        this.pdf = pdf;
    }

    /** The same download for an integrator with a Bearer token: pdf, docx, xlsx or csv (a zip of one file per table). */
    @GetMapping("/api/v1/reports/funder/{projectId}/{format}")
    ResponseEntity<byte[]> apiDownload(@PathVariable UUID projectId, @PathVariable String format,
                                       @RequestParam(defaultValue = "false") boolean external, Locale locale) {
        ReportFormat kind = ReportFormat.named(format).orElseThrow(() -> new NotFoundException("Format"));
        ReportDocument doc = report.document(projectId, external, locale);
        return kind.download(doc, FunderReportController.fileName(doc, external), locale, pdf);
    }

    /**
     * JSON: the same document, each block with its {@code type} (paragraph, subheading, table, chart); suppressed
     * cells carry no number.
     */
    @GetMapping(path = "/api/v1/reports/funder/{projectId}", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> api(@PathVariable UUID projectId, @RequestParam(defaultValue = "false") boolean external,
                            Locale locale) {
        ReportDocument doc = report.document(projectId, external, locale);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("title", doc.title());
        out.put("subtitle", doc.subtitle());
        out.put("coverLines", doc.coverLines());
        out.put("external", external || FunderReport.externalOnly());
        out.put("sections", doc.sections().stream().map(s -> {
            Map<String, Object> section = new LinkedHashMap<>();
            section.put("key", s.key());
            section.put("heading", s.heading());
            section.put("blocks", s.blocks().stream().map(FunderReportApi::block).toList());
            return section;
        }).toList());
        return out;
    }

    private static Map<String, Object> block(ReportDocument.Block b) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (b instanceof ReportDocument.Paragraph p) {
            out.put("type", "paragraph");
            out.put("text", p.text());
            out.put("html", p.html());
        } else if (b instanceof ReportDocument.Subheading h) {
            out.put("type", "subheading");
            out.put("text", h.text());
        } else if (b instanceof ReportDocument.Table t) {
            out.put("type", "table");
            out.put("table", t);
        } else if (b instanceof ReportDocument.Chart c) {
            out.put("type", "chart");
            out.put("svg", c.svg());
            out.put("table", c.data());
        }
        return out;
    }
}
