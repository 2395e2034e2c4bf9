package no.tilfrisk.report.annual;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A report as the exporters read it: a cover (title, subtitle, lines such as the organisation and the year) and
 * sections of blocks: paragraphs, subheadings, tables and charts. Every text is final (already in the reader's
 * language); counts of persons are already through {@link no.tilfrisk.report.disclosure.Suppression} where the reader needs that. The
 * same document becomes the page ({@code report/document :: document}), PDF, DOCX, XLSX and CSV.
 */
public record ReportDocument(String title, String subtitle, List<String> coverLines, List<Section> sections) {

    public ReportDocument {
        Objects.requireNonNull(title, "title");
        coverLines = List.copyOf(coverLines);
        sections = List.copyOf(sections);
    }

    /** Every table in the document, those of charts included, in order, each with its section. */
    public List<Located> tables() {
        List<Located> out = new ArrayList<>();
        for (Section s : sections) {
            for (Block b : s.blocks()) {
                if (b instanceof Table t) {
                    out.add(new Located(s, t));
                } else if (b instanceof Chart c) {
                    out.add(new Located(s, c.data()));
                }
            }
        }
        return out;
    }

    /** A table and the section it is in. */
    public record Located(Section section, Table table) {
    }

    /**
     * A section: a heading of the first level (Heading 1 in Word, one sheet in Excel).
     *
     * @param key a stable name, as in URLs and file names: letters, digits and dashes
     */
    public record Section(String key, String heading, List<Block> blocks) {

        public Section {
            Objects.requireNonNull(heading, "heading");
            blocks = List.copyOf(blocks);
        }
    }

    /** What a section holds. */
    public sealed interface Block permits Paragraph, Subheading, Table, Chart {
    }

    /**
     * A paragraph: plain text, and optionally the same as sanitised HTML for the page and the PDF. The HTML must be
     * well-formed XHTML (void elements closed, {@code <br/>}), as the PDF is made from XHTML; DOCX, XLSX and CSV use
     * the text.
     */
    public record Paragraph(String text, String html) implements Block {

        public static Paragraph of(String text) {
            return new Paragraph(text, null);
        }
    }

    /** A heading of the second level inside a section (Heading 2 in Word). */
    public record Subheading(String text) implements Block {
    }

    /**
     * A table. The first cell of each row is the row's header when {@code rowHeaders} is set.
     *
     * @param note what the reader needs to read it right: the rule a figure follows, that small numbers are hidden
     */
    public record Table(String caption, List<String> headers, List<List<Cell>> rows, boolean rowHeaders, String note)
            implements Block {

        public Table {
            Objects.requireNonNull(caption, "caption");
            headers = List.copyOf(headers);
            rows = rows.stream().map(List::copyOf).toList();
        }
    }

    /**
     * One cell: the text shown, the number behind it where there is one to compute with (none when hidden), whether
     * it is hidden by small-number suppression (then its text is «:» and it has no number), and a link to the records behind it (for readers with access).
     * A cell that is one of the report's figures names it ({@link Figure}): the figures form of the API is read from
     * these cells, so it says what the tables say.
     */
    public record Cell(String text, Number number, boolean suppressed, String link, Figure figure) {

        public Cell(String text, Number number, boolean suppressed, String link) {
            this(text, number, suppressed, link, null);
        }

        /** The same cell as the figure with this key (a publication key, such as {@code contacts/org/PHONE/logged}). */
        public Cell as(String key, Unit unit) {
            return new Cell(text, number, suppressed, link, new Figure(key, unit));
        }

        public static Cell text(String text) {
            return new Cell(text == null ? "" : text, null, false, null);
        }

        public static Cell number(long value) {
            return new Cell(Long.toString(value), value, false, null);
        }

        /** A decimal number shown as given (a percentage, an amount), kept as a number for spreadsheets. */
        public static Cell number(Number value, String shown) {
            return new Cell(shown, value, false, null);
        }

        public Cell withLink(String href) {
            return new Cell(text, number, suppressed, href, figure);
        }
    }

    /** Which figure a cell shows: its key in the report's publication, and what it counts or measures. */
    public record Figure(String key, Unit unit) {

        public Figure {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(unit, "unit");
        }
    }

    /** What a figure is: a count of persons, a count of other things, a percentage, a range, kroner, or words. */
    public enum Unit {
        PERSONS, COUNT, PERCENT, PERCENT_RANGE, NOK, HOURS, DAYS, FULL_TIME_EQUIVALENTS, TEXT
    }

    /**
     * A chart as SVG (from {@code platform.chart}, with its own title and description) and the table of its data,
     * shown beside it on the page and instead of it where SVG cannot go (DOCX, XLSX, CSV).
     */
    public record Chart(String svg, Table data) implements Block {

        public Chart {
            Objects.requireNonNull(svg, "svg");
            Objects.requireNonNull(data, "data");
        }
    }
}
