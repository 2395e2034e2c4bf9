package no.tilfrisk.report.export;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import no.tilfrisk.report.annual.ReportDocument;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The formats a report downloads in: the name in the address, the media type, the file's extension and the writer.
 * The CSV is a zip of one file per table.
 */
public enum ReportFormat {

    PDF("pdf", MediaType.APPLICATION_PDF, "pdf"),
    DOCX("docx", MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document"), "docx"),
    XLSX("xlsx", MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), "xlsx"),
    CSV("csv", MediaType.parseMediaType("application/zip"), "zip");

    private final String name;
    private final MediaType mediaType;
    private final String extension;

    ReportFormat(String name, MediaType mediaType, String extension) {
        this.name = name;
        this.mediaType = mediaType;
        this.extension = extension;
    }

    /** The format named in an address («pdf», « DOCX »), if it is one. */
    public static Optional<ReportFormat> named(String name) {
        String asked = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.name.equals(asked)).findFirst();
    }

    public byte[] write(ReportDocument document, Locale locale, PdfExport pdf) {
        return switch (this) {
            case PDF -> pdf.write(document, locale);
            case DOCX -> DocxExport.write(document);
            case XLSX -> XlsxExport.write(document);
            case CSV -> CsvExport.write(document);
        };
    }

    /** The document as a download: written, typed, and named {@code baseName.extension}. */
    public ResponseEntity<byte[]> download(ReportDocument document, String baseName, Locale locale, PdfExport pdf) {
        return ResponseEntity.ok().contentType(mediaType)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(baseName + "." + extension, StandardCharsets.UTF_8).build().toString())
                .body(write(document, locale, pdf));
    }
}
