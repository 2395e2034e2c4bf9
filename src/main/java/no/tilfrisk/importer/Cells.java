package no.tilfrisk.importer;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;

/**
 * The values of cells as Norwegian spreadsheets write them: dates as 31.12.2024 (also 1.2.2024 and ISO 2024-12-31),
 * numbers with a decimal comma and spaces between thousands (1 234,5), times as 18:00 or 18.00. A value that cannot
 * be read is a {@link BadCell} naming what was expected.
 */
public final class Cells {

    public static final DateTimeFormatter NORWEGIAN_DATE = DateTimeFormatter.ofPattern("dd.MM.uuuu");
    private static final DateTimeFormatter SHORT_DATE = DateTimeFormatter.ofPattern("d.M.uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    private Cells() {
    }

    /** A value that cannot be read, with the message key that says what was expected. */
    public static final class BadCell extends RuntimeException {
        private final String key;

        BadCell(String key) {
            super(key);
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    public static LocalDate date(String text) {
        String s = text.strip();
        try {
            if (s.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return LocalDate.parse(s);
            }
            if (s.matches("\\d{1,2}\\.\\d{1,2}\\.\\d{4}")) {
                return LocalDate.parse(s, SHORT_DATE);
            }
        } catch (DateTimeParseException e) {
            throw new BadCell("import.value.date");
        }
        throw new BadCell("import.value.date");
    }

    public static LocalTime time(String text) {
        String s = text.strip().replace('.', ':');
        try {
            return LocalTime.parse(s.length() == 4 ? "0" + s : s);
        } catch (DateTimeParseException e) {
            throw new BadCell("import.value.time");
        }
    }

    /** A number with a decimal comma (or point) and spaces or points between thousands. */
    public static BigDecimal decimal(String text) {
        String s = text.strip().replaceAll("[\\s\\u00a0\\u202f]", "");
        if (s.contains(",")) {
            s = s.replace(".", "").replace(',', '.');
        } else if (s.matches("-?\\d{1,3}(\\.\\d{3})+")) {
            s = s.replace(".", "");
        }
        if (!s.matches("-?\\d+(\\.\\d+)?")) {
            throw new BadCell("import.value.number");
        }
        return new BigDecimal(s);
    }

    /** A whole number; «12,0» is 12, «12,5» is not whole. */
    public static int whole(String text) {
        BigDecimal value = decimal(text);
        try {
            return value.stripTrailingZeros().intValueExact();
        } catch (ArithmeticException e) {
            throw new BadCell("import.value.whole");
        }
    }

    /** A name as it is compared: Unicode-composed, spaces collapsed, case ignored. */
    public static String nameKey(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
