package no.tilfrisk.report.funder;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import no.tilfrisk.report.annual.ReportDocument;
import no.tilfrisk.report.export.PdfExport;
import no.tilfrisk.report.export.ReportFormat;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The funder's final report of a project: the page, its downloads (PDF, DOCX, XLSX, CSV as a zip) and JSON. Report
 * readers get the external version whatever they ask; staff choose it with {@code external=true}.
 */
@Controller
class FunderReportController {

    private final FunderReport report;
    private final PdfExport pdf;
    private final MessageSource messages;

    FunderReportController(FunderReport report, PdfExport pdf, MessageSource messages) {
        this.report = report;
        this.pdf = pdf;
        this.messages = messages;
    }

    @GetMapping("/reports/funder/{projectId}")
    String page(@PathVariable UUID projectId, @RequestParam(defaultValue = "false") boolean external, Locale locale,
                Model model) {
        boolean ext = external || FunderReport.externalOnly();
        model.addAttribute("doc", report.document(projectId, ext, locale));
        model.addAttribute("projectId", projectId);
        model.addAttribute("external", ext);
        model.addAttribute("externalOnly", FunderReport.externalOnly());
        return "report/funder";
    }

    @GetMapping("/reports/funder/{projectId}/download")
    ResponseEntity<byte[]> download(@PathVariable UUID projectId, @RequestParam(defaultValue = "pdf") String format,
                                    @RequestParam(defaultValue = "false") boolean external, Locale locale) {
        var kind = ReportFormat.named(format);
        if (kind.isEmpty()) {
            // a link that was typed by hand: say what works, in the reader's language
            return ResponseEntity.badRequest().contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                    .body(messages.getMessage("funderReport.format.invalid", null, locale).getBytes(StandardCharsets.UTF_8));
        }
        ReportDocument doc = report.document(projectId, external, locale);
        return kind.get().download(doc, fileName(doc, external), locale, pdf);
    }

    static String fileName(ReportDocument doc, boolean external) {
        return "sluttrapport-" + doc.title().replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("^-|-$", "")
                .toLowerCase(Locale.ROOT) + (external || FunderReport.externalOnly() ? "-ekstern" : "");
    }
}
