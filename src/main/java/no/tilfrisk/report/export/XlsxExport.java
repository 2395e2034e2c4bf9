package no.tilfrisk.report.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import no.tilfrisk.report.annual.ReportDocument.Block;
import no.tilfrisk.report.annual.ReportDocument.Cell;
import no.tilfrisk.report.annual.ReportDocument.Chart;
import no.tilfrisk.report.annual.ReportDocument.Section;
import no.tilfrisk.report.annual.ReportDocument.Table;
import no.tilfrisk.report.annual.ReportDocument;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * A report as XLSX (fastexcel): one sheet per section that has tables (charts give their data table), the tables
 * one under another with their caption, header row and note. Figures are numbers a spreadsheet can compute with; a
 * hidden count is its text («&lt;5», «x»), never its value. A first sheet carries the title and the cover lines.
 */
public final class XlsxExport {

    private XlsxExport() {
    }

    public static byte[] write(ReportDocument document) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Workbook workbook = new Workbook(out, "Tilfrisk", "1.0");
            Set<String> names = new HashSet<>();
            Worksheet cover = workbook.newWorksheet(sheetName(document.title(), names));
            cover.value(0, 0, document.title());
            cover.style(0, 0).bold().fontSize(14).set();
            int row = 1;
            if (document.subtitle() != null) {
                cover.value(row++, 0, document.subtitle());
            }
            for (String line : document.coverLines()) {
                cover.value(row++, 0, line);
            }
            for (Section section : document.sections()) {
                List<Table> tables = section.blocks().stream().map(XlsxExport::tableOf).filter(t -> t != null).toList();
                if (tables.isEmpty()) {
                    continue;
                }
                Worksheet sheet = workbook.newWorksheet(sheetName(section.heading(), names));
                sheet.value(0, 0, section.heading());
                sheet.style(0, 0).bold().fontSize(13).set();
                int r = 2;
                for (Table t : tables) {
                    r = table(sheet, t, r) + 1;
                }
            }
            workbook.finish();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the XLSX", e);
        }
    }

    private static Table tableOf(Block block) {
        return block instanceof Table t ? t : block instanceof Chart c ? c.data() : null;
    }

    /** Writes the table from the row given; returns the first free row after it. */
    private static int table(Worksheet sheet, Table t, int r) {
        sheet.value(r, 0, t.caption());
        sheet.style(r, 0).bold().set();
        r++;
        for (int c = 0; c < t.headers().size(); c++) {
            sheet.value(r, c, t.headers().get(c));
            sheet.style(r, c).bold().fillColor("E8F0ED").set();
        }
        r++;
        for (List<Cell> row : t.rows()) {
            for (int c = 0; c < row.size(); c++) {
                Cell cell = row.get(c);
                if (cell.number() != null && !cell.suppressed()) {
                    sheet.value(r, c, cell.number());
                } else {
                    sheet.value(r, c, cell.text());
                    if (cell.suppressed()) {
                        sheet.style(r, c).horizontalAlignment("right").italic().set();
                    }
                }
            }
            r++;
        }
        if (t.note() != null) {
            sheet.value(r, 0, t.note());
            sheet.style(r, 0).italic().set();
            r++;
        }
        return r;
    }

    /** Excel's rules: at most 31 characters, none of []:*?/\, and unique in the workbook (case-insensitive). */
    static String sheetName(String wanted, Set<String> taken) {
        String base = (wanted == null || wanted.isBlank() ? "Ark" : wanted).replaceAll("[\\[\\]:*?/\\\\]", " ").strip();
        if (base.startsWith("'")) {
            base = base.substring(1);
        }
        base = base.length() > 31 ? base.substring(0, 31).strip() : base;
        String name = base;
        for (int i = 2; taken.contains(name.toLowerCase()); i++) {
            String suffix = " (" + i + ")";
            name = (base.length() + suffix.length() > 31 ? base.substring(0, 31 - suffix.length()) : base) + suffix;
        }
        taken.add(name.toLowerCase());
        return name;
    }
}
