package no.tilfrisk.report.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import no.tilfrisk.report.annual.ReportDocument.Cell;
import no.tilfrisk.report.annual.ReportDocument;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A report as CSV: one file per table (charts give their data table) in one zip, named by order, section and
 * caption. UTF-8 with a byte order mark and semicolons, as Excel in Norway opens them; the first row is the header,
 * a hidden count is its text («&lt;5», «x»). The caption and note are not in the file (its name carries the caption).
 */
public final class CsvExport {

    static final CSVFormat FORMAT = CSVFormat.Builder.create(CSVFormat.EXCEL).setDelimiter(';').get();

    private CsvExport() {
    }

    public static byte[] write(ReportDocument document) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(bytes)) {
            List<ReportDocument.Located> tables = document.tables();
            List<String> names = new ArrayList<>();
            for (int i = 0; i < tables.size(); i++) {
                var located = tables.get(i);
                String name = String.format(Locale.ROOT, "%02d-%s-%s.csv", i + 1, slug(located.section().key()),
                        slug(located.table().caption()));
                names.add(name);
                zip.putNextEntry(new ZipEntry(name));
                Writer writer = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
                writer.write('\ufeff');
                CSVPrinter printer = new CSVPrinter(writer, FORMAT);
                printer.printRecord(located.table().headers());
                for (List<Cell> row : located.table().rows()) {
                    printer.printRecord(row.stream().map(Cell::text).toList());
                }
                printer.flush();
                zip.closeEntry();
            }
            zip.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the CSV files", e);
        }
    }

    /** A file-name part: æøå as ae, o, a; only letters, digits and dashes; at most 40 characters. */
    static String slug(String text) {
        if (text == null || text.isBlank()) {
            return "tabell";
        }
        String s = text.toLowerCase(Locale.ROOT).replace("æ", "ae").replace("ø", "o").replace("å", "a");
        s = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        s = s.replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        s = s.length() > 40 ? s.substring(0, 40).replaceAll("-+$", "") : s;
        return s.isEmpty() ? "tabell" : s;
    }
}
