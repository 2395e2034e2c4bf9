package no.tilfrisk.directory;

import java.time.DayOfWeek;
import java.time.LocalTime;

/**
 * Open on a weekday from {@code opens} to {@code closes}; past midnight (into the next day) only when said so,
 * never guessed from a closing time before the opening time.
 */
public record WeeklyHours(DayOfWeek weekday, LocalTime opens, LocalTime closes, boolean pastMidnight) {

    /** Whether the times agree with {@code pastMidnight}: a closing before (or at) opening must be past midnight. */
    public boolean consistent() {
        return opens != null && closes != null && weekday != null
                && (pastMidnight ? !closes.isAfter(opens) : closes.isAfter(opens));
    }
}
