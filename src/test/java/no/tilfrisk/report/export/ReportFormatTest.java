package no.tilfrisk.report.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import no.tilfrisk.report.annual.ReportDocument;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class ReportFormatTest {

    @Test
    void aFormatIsNamedAsInTheAddressAndAnythingElseIsNone() {
        assertThat(ReportFormat.named(" PDF ")).contains(ReportFormat.PDF);
        assertThat(ReportFormat.named("csv")).contains(ReportFormat.CSV);
        assertThat(ReportFormat.named("exe")).isEmpty();
        assertThat(ReportFormat.named(null)).isEmpty();
    }

    @Test
    void theCsvDownloadsAsAZipNamedSo() {
        var doc = new ReportDocument("T", null, List.of(), List.of(new ReportDocument.Section("en", "En",
                List.of(new ReportDocument.Table("A", List.of("x"), List.of(List.of(ReportDocument.Cell.number(3))), false, null)))));
        var response = ReportFormat.CSV.download(doc, "arsrapport-2025", Locale.ROOT, null);
        assertThat(response.getHeaders().getContentType()).hasToString("application/zip");
        assertThat(response.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).contains("arsrapport-2025.zip");
        assertThat(response.getBody()).startsWith(0x50, 0x4b);
    }
}
