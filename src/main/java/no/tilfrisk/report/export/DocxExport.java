package no.tilfrisk.report.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import no.tilfrisk.report.annual.ReportDocument.Cell;
import no.tilfrisk.report.annual.ReportDocument.Chart;
import no.tilfrisk.report.annual.ReportDocument.Paragraph;
import no.tilfrisk.report.annual.ReportDocument.Section;
import no.tilfrisk.report.annual.ReportDocument.Subheading;
import no.tilfrisk.report.annual.ReportDocument.Table;
import no.tilfrisk.report.annual.ReportDocument;
import org.apache.poi.xwpf.usermodel.BreakType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDecimalNumber;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTOnOff;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTString;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/**
 * A report as DOCX that opens and edits in Word: a cover, each section under a real «heading 1» (so Word's
 * navigation pane and table of contents find it), subheadings as «heading 2», tables as Word tables with a
 * repeating header row, and a chart as its data table (SVG in Word needs a PNG fallback this export does not make).
 */
public final class DocxExport {

    private DocxExport() {
    }

    public static byte[] write(ReportDocument document) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFStyles styles = doc.createStyles();
            heading(styles, "Title", "Title", null, 28);
            heading(styles, "Heading1", "heading 1", 0, 16);
            heading(styles, "Heading2", "heading 2", 1, 13);
            heading(styles, "Caption", "caption", null, 10);

            XWPFParagraph title = doc.createParagraph();
            title.setStyle("Title");
            title.createRun().setText(document.title());
            if (document.subtitle() != null) {
                doc.createParagraph().createRun().setText(document.subtitle());
            }
            for (String line : document.coverLines()) {
                doc.createParagraph().createRun().setText(line);
            }
            for (Section section : document.sections()) {
                XWPFParagraph h = doc.createParagraph();
                h.setPageBreak(true);
                h.setStyle("Heading1");
                h.createRun().setText(section.heading());
                for (var block : section.blocks()) {
                    if (block instanceof Paragraph p) {
                        text(doc, p.text());
                    } else if (block instanceof Subheading s) {
                        XWPFParagraph sub = doc.createParagraph();
                        sub.setStyle("Heading2");
                        sub.createRun().setText(s.text());
                    } else if (block instanceof Table t) {
                        table(doc, t);
                    } else if (block instanceof Chart c) {
                        table(doc, c.data());
                    }
                }
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the DOCX", e);
        }
    }

    /** A paragraph; its line breaks stay line breaks. */
    private static void text(XWPFDocument doc, String text) {
        XWPFRun run = doc.createParagraph().createRun();
        String[] lines = (text == null ? "" : text).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                run.addBreak(BreakType.TEXT_WRAPPING);
            }
            run.setText(lines[i]);
        }
    }

    private static void table(XWPFDocument doc, Table t) {
        XWPFParagraph caption = doc.createParagraph();
        caption.setStyle("Caption");
        XWPFRun c = caption.createRun();
        c.setBold(true);
        c.setText(t.caption());
        int columns = Math.max(t.headers().size(), t.rows().stream().mapToInt(List::size).max().orElse(0));
        if (columns == 0) {
            return;
        }
        XWPFTable table = doc.createTable(1 + t.rows().size(), columns);
        table.setWidth("100%");
        XWPFTableRow header = table.getRow(0);
        header.setRepeatHeader(true);
        for (int i = 0; i < columns; i++) {
            cell(header.getCell(i), i < t.headers().size() ? t.headers().get(i) : "", true, false);
        }
        for (int r = 0; r < t.rows().size(); r++) {
            List<Cell> row = t.rows().get(r);
            XWPFTableRow tableRow = table.getRow(r + 1);
            for (int i = 0; i < columns; i++) {
                Cell cell = i < row.size() ? row.get(i) : Cell.text("");
                cell(tableRow.getCell(i), cell.text(), i == 0 && t.rowHeaders(), cell.number() != null || cell.suppressed());
            }
        }
        if (t.note() != null) {
            XWPFRun note = doc.createParagraph().createRun();
            note.setItalic(true);
            note.setFontSize(9);
            note.setText(t.note());
        }
    }

    private static void cell(XWPFTableCell cell, String text, boolean bold, boolean number) {
        XWPFParagraph p = cell.getParagraphs().get(0);
        if (number) {
            p.setAlignment(ParagraphAlignment.RIGHT);
        }
        XWPFRun run = p.createRun();
        run.setBold(bold);
        run.setText(text);
    }

    /** A paragraph style with Word's own name, so that Word treats it as its built-in heading (outline level). */
    private static void heading(XWPFStyles styles, String id, String name, Integer outlineLevel, int points) {
        CTStyle ct = CTStyle.Factory.newInstance();
        ct.setStyleId(id);
        CTString n = CTString.Factory.newInstance();
        n.setVal(name);
        ct.setName(n);
        CTDecimalNumber priority = CTDecimalNumber.Factory.newInstance();
        priority.setVal(BigInteger.valueOf(outlineLevel == null ? 10 : 9));
        ct.setUiPriority(priority);
        ct.setQFormat(CTOnOff.Factory.newInstance());
        ct.setUnhideWhenUsed(CTOnOff.Factory.newInstance());
        if (outlineLevel != null) {
            CTPPrGeneral ppr = CTPPrGeneral.Factory.newInstance();
            CTDecimalNumber level = CTDecimalNumber.Factory.newInstance();
            level.setVal(BigInteger.valueOf(outlineLevel));
            ppr.setOutlineLvl(level);
            ppr.addNewKeepNext();
            ct.setPPr(ppr);
        }
        var rpr = ct.addNewRPr();
        rpr.addNewB();
        rpr.addNewSz().setVal(BigInteger.valueOf(points * 2L));
        XWPFStyle style = new XWPFStyle(ct);
        style.setType(STStyleType.PARAGRAPH);
        styles.addStyle(style);
    }
}
