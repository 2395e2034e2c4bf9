package no.tilfrisk.platform.web;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Dates as people read them: stored in UTC, shown in Europe/Oslo; dd.MM.yyyy in bokmål. Templates call it as
 * {@code @dates}, and ask it for today ({@code @dates.today()}) by the application's clock.
 */
@Component("dates")
public class Dates {

    public static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    private static final DateTimeFormatter NB_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter NB_DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy 'kl.' HH:mm");
    private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter EN_DATE_TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH);

    private final Clock clock;

    public Dates(Clock clock) {
        this.clock = clock;
    }

    /** Today in Oslo, by the application's clock. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public String date(LocalDate date) {
        if (date == null) {
            return "";
        }
        return (english() ? EN_DATE : NB_DATE).format(date);
    }

    public String dateTime(Instant instant) {
        if (instant == null) {
            return "";
        }
        return (english() ? EN_DATE_TIME : NB_DATE_TIME).format(instant.atZone(OSLO));
    }

    /** An amount kept in whole øre, as kroner: «1 250,50 kr» in bokmål, «NOK 1,250.50» in English. */
    public String kroner(Long ore) {
        if (ore == null) {
            return "";
        }
        BigDecimal kroner = BigDecimal.valueOf(ore, 2);
        boolean whole = ore % 100 == 0;
        if (english()) {
            var format = new DecimalFormat(whole ? "#,##0" : "#,##0.00", DecimalFormatSymbols.getInstance(Locale.ENGLISH));
            return "NOK " + format.format(kroner);
        }
        var symbols = DecimalFormatSymbols.getInstance(Locale.forLanguageTag("nb"));
        symbols.setGroupingSeparator('\u00a0');
        symbols.setDecimalSeparator(',');
        return new DecimalFormat(whole ? "#,##0" : "#,##0.00", symbols).format(kroner) + "\u00a0kr";
    }

    /** A weekday's name in the reader's language. */
    public String weekday(LocalDate date) {
        return date == null ? "" : date.getDayOfWeek().getDisplayName(TextStyle.FULL,
                english() ? Locale.ENGLISH : Locale.forLanguageTag("nb"));
    }

    private static boolean english() {
        return "en".equals(LocaleContextHolder.getLocale().getLanguage());
    }
}
