package no.tilfrisk.directory;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * A date that differs from the week: closed, or open with hours of its own (Christmas Eve, a public holiday the
 * offer keeps open). A date with an exception follows only the exception.
 */
public record DateHours(LocalDate date, boolean closed, LocalTime opens, LocalTime closes, boolean pastMidnight,
                        String note) {

    public static DateHours closedOn(LocalDate date, String note) {
        return new DateHours(date, true, null, null, false, note);
    }

    public static DateHours openOn(LocalDate date, LocalTime opens, LocalTime closes, boolean pastMidnight, String note) {
        return new DateHours(date, false, opens, closes, pastMidnight, note);
    }

    public boolean consistent() {
        return date != null && (closed ? opens == null && closes == null
                : opens != null && closes != null && (pastMidnight ? !closes.isAfter(opens) : closes.isAfter(opens)));
    }
}
