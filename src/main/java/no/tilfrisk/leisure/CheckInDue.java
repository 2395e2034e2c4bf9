package no.tilfrisk.leisure;

import java.time.LocalDate;

/**
 * The follow-up's check-ins, counted from its first day: 2 weeks, 1, 3 and 6 months (the method's «at least six
 * months»), and 12 months for the year's figure. A month later than the day's number allows ends on the month's
 * last day (31 January + 1 month = 28 or 29 February).
 */
public enum CheckInDue {
    WEEK_2,
    MONTH_1,
    MONTH_3,
    MONTH_6,
    MONTH_12;

    /** The day this check-in is due, for a follow-up that began on {@code followUpFrom}. */
    public LocalDate dueFrom(LocalDate followUpFrom) {
        return switch (this) {
            case WEEK_2 -> followUpFrom.plusWeeks(2);
            case MONTH_1 -> followUpFrom.plusMonths(1);
            case MONTH_3 -> followUpFrom.plusMonths(3);
            case MONTH_6 -> followUpFrom.plusMonths(6);
            case MONTH_12 -> followUpFrom.plusMonths(12);
        };
    }
}
