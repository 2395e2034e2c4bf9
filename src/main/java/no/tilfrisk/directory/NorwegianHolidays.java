package no.tilfrisk.directory;

import java.time.LocalDate;
import java.time.Month;
import java.util.Map;
import java.util.TreeMap;

/**
 * Norway's public holidays (helligdager, and 1 and 17 May): the fixed ones, and the moving ones counted from Easter
 * Sunday, which is computed for any year (the Gregorian computus of the anonymous «Meeus/Jones/Butcher» method), so
 * no year's dates are written down anywhere. Christmas Eve and New Year's Eve are no public holidays; an offer that
 * closes or keeps other hours then says so with an exception on the date.
 */
public final class NorwegianHolidays {

    private NorwegianHolidays() {
    }

    /** Easter Sunday of a Gregorian year. */
    public static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }

    /** The year's public holidays, each with the key of its name ({@code holiday.<key>} in the messages). */
    public static Map<LocalDate, String> of(int year) {
        LocalDate easter = easterSunday(year);
        Map<LocalDate, String> days = new TreeMap<>();
        days.put(LocalDate.of(year, Month.JANUARY, 1), "newYear");
        days.put(easter.minusDays(3), "maundyThursday");
        days.put(easter.minusDays(2), "goodFriday");
        days.put(easter, "easterSunday");
        days.put(easter.plusDays(1), "easterMonday");
        days.put(LocalDate.of(year, Month.MAY, 1), "labourDay");
        days.put(LocalDate.of(year, Month.MAY, 17), "constitutionDay");
        days.put(easter.plusDays(39), "ascension");
        days.put(easter.plusDays(49), "whitSunday");
        days.put(easter.plusDays(50), "whitMonday");
        days.put(LocalDate.of(year, Month.DECEMBER, 25), "christmasDay");
        days.put(LocalDate.of(year, Month.DECEMBER, 26), "boxingDay");
        return days;
    }

    public static boolean isHoliday(LocalDate date) {
        return of(date.getYear()).containsKey(date);
    }
}
