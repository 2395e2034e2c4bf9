package no.tilfrisk.importer;

import java.util.List;

/**
 * A spreadsheet as read: its column headings, its rows (each cell as text, dates as dd.mm.yyyy), and how it was read.
 * Row numbers shown to the user are those of the file: the heading is row 1, the first data row row 2.
 *
 * @param encoding for a CSV, the character set it was read in ({@code UTF-8} or {@code windows-1252}); null for XLSX
 * @param guessedLatin1 true when the CSV was not valid UTF-8 and was read as Latin-1 (Windows-1252) instead
 */
public record Table(List<String> header, List<Row> rows, String encoding, boolean guessedLatin1) {

    public record Row(int number, List<String> cells) {
        public String cell(int column) {
            return column < 0 || column >= cells.size() ? "" : cells.get(column);
        }
    }
}
