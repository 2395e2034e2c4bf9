package no.tilfrisk.person;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * The Norwegian national identity number (fødselsnummer) or D-number: 11 digits, a valid birth date (a D-number
 * adds 40 to the day), and two mod-11 check digits.
 */
public final class NationalIdNumber {

    private static final int[] FIRST = {3, 7, 6, 1, 8, 9, 4, 5, 2};
    private static final int[] SECOND = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};

    private NationalIdNumber() {
    }

    /** Digits only: spaces, dots and dashes people type are dropped. */
    public static String normalise(String input) {
        return input == null ? "" : input.replaceAll("[\\s.\\-]", "");
    }

    public static boolean isValid(String input) {
        String n = normalise(input);
        if (!n.matches("\\d{11}")) {
            return false;
        }
        int[] d = n.chars().map(c -> c - '0').toArray();
        return checkDigit(d, FIRST) == d[9] && checkDigit(d, SECOND) == d[10] && birthDate(d) != null;
    }

    /** Shown instead of the number: the birth date part only. */
    public static String masked(String number) {
        String n = normalise(number);
        return n.length() == 11 ? n.substring(0, 6) + " *****" : "*****";
    }

    static int checkDigit(int[] digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += digits[i] * weights[i];
        }
        int k = 11 - sum % 11;
        return k == 11 ? 0 : k == 10 ? -1 : k;
    }

    static LocalDate birthDate(int[] d) {
        int day = d[0] * 10 + d[1];
        int month = d[2] * 10 + d[3];
        int year = d[4] * 10 + d[5];
        int individual = d[6] * 100 + d[7] * 10 + d[8];
        if (day > 40) {
            day -= 40; // D-number
        }
        Integer century = century(individual, year);
        if (century == null) {
            return null;
        }
        try {
            return LocalDate.of(century + year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static Integer century(int individual, int year) {
        if (individual <= 499) {
            return 1900;
        }
        if (individual <= 749 && year >= 54) {
            return 1800;
        }
        if (year <= 39) {
            return 2000;
        }
        if (individual >= 900) {
            return 1900;
        }
        return null;
    }
}
