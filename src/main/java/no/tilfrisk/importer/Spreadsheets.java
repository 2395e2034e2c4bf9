package no.tilfrisk.importer;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Reads an uploaded CSV or XLSX into a {@link Table}. CSV through Apache Commons CSV: a UTF-8 byte-order mark is
 * dropped, Windows line ends are fine, the delimiter (semicolon as Norwegian Excel writes it, comma or tab) is
 * taken from the heading line, and a file that is not valid UTF-8 is read as Windows-1252 (Latin-1) and said so,
 * unless the user chose the character set. XLSX through Apache POI's streaming reader (the first sheet), with date
 * cells written as dd.mm.yyyy and numbers in full. Whatever cannot be read is an {@link ImportRefusal}.
 */
public final class Spreadsheets {

    public static final int MAX_BYTES = 50 * 1024 * 1024;
    public static final int MAX_ROWS = 200_000;
    public static final Charset LATIN1 = Charset.forName("windows-1252");

    private Spreadsheets() {
    }

    /** @param charset the character set the user chose for a CSV, or null to detect it */
    public static Table read(String fileName, byte[] bytes, Charset charset) {
        if (bytes.length > MAX_BYTES) {
            throw new ImportRefusal("import.file.tooLarge", MAX_BYTES / (1024 * 1024));
        }
        if (bytes.length == 0) {
            throw new ImportRefusal("import.file.empty");
        }
        String name = fileName == null ? "" : fileName.toLowerCase(java.util.Locale.ROOT);
        boolean zip = bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
        boolean ole = bytes.length >= 4 && (bytes[0] & 0xff) == 0xD0 && (bytes[1] & 0xff) == 0xCF
                && (bytes[2] & 0xff) == 0x11 && (bytes[3] & 0xff) == 0xE0;
        if (ole || name.endsWith(".xls")) {
            throw new ImportRefusal("import.file.oldExcel");
        }
        Table table;
        if (name.endsWith(".xlsx") || zip) {
            if (!zip) {
                throw new ImportRefusal("import.file.notXlsx");
            }
            table = xlsx(bytes);
        } else {
            table = csv(bytes, charset);
        }
        if (table.header().stream().allMatch(String::isEmpty)) {
            throw new ImportRefusal("import.file.empty");
        }
        if (table.rows().isEmpty()) {
            throw new ImportRefusal("import.file.noRows");
        }
        return table;
    }

    private static Table csv(byte[] bytes, Charset chosen) {
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        String text;
        Charset used;
        boolean guessed = false;
        if (chosen != null) {
            used = chosen;
            text = new String(bytes, start, bytes.length - start, chosen);
        } else {
            try {
                text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
                used = StandardCharsets.UTF_8;
            } catch (CharacterCodingException e) {
                used = LATIN1;
                text = new String(bytes, start, bytes.length - start, LATIN1);
                guessed = true;
            }
        }
        if (text.indexOf('\0') >= 0) {
            throw new ImportRefusal("import.file.notText");
        }
        if (text.isBlank()) {
            throw new ImportRefusal("import.file.empty");
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter(text)).setIgnoreEmptyLines(true)
                .setTrim(true).get();
        List<String> header = null;
        List<Table.Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            for (CSVRecord record : parser) {
                List<String> cells = record.toList();
                if (header == null) {
                    header = cells;
                } else if (cells.stream().anyMatch(c -> !c.isBlank())) {
                    if (rows.size() >= MAX_ROWS) {
                        throw new ImportRefusal("import.file.tooManyRows", MAX_ROWS);
                    }
                    rows.add(new Table.Row((int) record.getRecordNumber(), cells));
                }
            }
        } catch (java.io.IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw new ImportRefusal("import.file.csvBroken");
        }
        if (header == null) {
            throw new ImportRefusal("import.file.empty");
        }
        return new Table(header, rows, used.name(), guessed);
    }

    /** The one of semicolon, tab and comma that occurs most in the heading line (outside quotes). */
    static char delimiter(String text) {
        int semicolons = 0;
        int commas = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted) {
                semicolons += c == ';' ? 1 : 0;
                commas += c == ',' ? 1 : 0;
                tabs += c == '\t' ? 1 : 0;
            }
        }
        return semicolons >= commas && semicolons >= tabs && semicolons > 0 ? ';' : tabs > commas ? '\t' : ',';
    }

    private static Table xlsx(byte[] bytes) {
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(bytes))) {
            XSSFReader reader = new XSSFReader(pkg);
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new ImportRefusal("import.file.empty");
            }
            Collector collector = new Collector();
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(),
                        new ReadOnlySharedStringsTable(pkg), collector, new NorwegianCells(), false));
                parser.parse(new InputSource(sheet));
            }
            if (collector.header == null) {
                throw new ImportRefusal("import.file.empty");
            }
            return new Table(collector.header, collector.rows, null, false);
        } catch (ImportRefusal e) {
            throw e;
        } catch (Exception | Error e) {
            if (e instanceof VirtualMachineError vm) {
                throw vm;
            }
            throw new ImportRefusal("import.file.notXlsx");
        }
    }

    /** Collects the sheet's rows; a row with nothing in it is left out, and the first row is the heading. */
    private static final class Collector implements XSSFSheetXMLHandler.SheetContentsHandler {
        List<String> header;
        final List<Table.Row> rows = new ArrayList<>();
        private List<String> current;

        @Override
        public void startRow(int rowNum) {
            current = new ArrayList<>();
        }

        @Override
        public void endRow(int rowNum) {
            if (current.stream().allMatch(String::isBlank)) {
                return;
            }
            if (header == null) {
                header = current;
            } else {
                if (rows.size() >= MAX_ROWS) {
                    throw new ImportRefusal("import.file.tooManyRows", MAX_ROWS);
                }
                rows.add(new Table.Row(rowNum + 1, current));
            }
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = new CellReference(reference).getCol();
            while (current.size() < column) {
                current.add("");
            }
            current.add(value == null ? "" : value.strip());
        }
    }

    /** Dates as dd.mm.yyyy and numbers in full (never in the sheet's display format, which may round or be American). */
    private static final class NorwegianCells extends DataFormatter {
        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            return formatRawCellContents(value, formatIndex, formatString, false);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                LocalDate date = DateUtil.getLocalDateTime(value, use1904).toLocalDate();
                return Cells.NORWEGIAN_DATE.format(date);
            }
            return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }
    }
}
