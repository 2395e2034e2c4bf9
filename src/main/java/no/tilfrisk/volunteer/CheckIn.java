package no.tilfrisk.volunteer;

import java.time.LocalDate;

/** The coordinator's check-ins after a match started; each has a message {@code volunteer.checkIn.<NAME>}. */
public enum CheckIn {
    WEEK_2,
    WEEK_6,
    MONTH_3;

    /** The day the check-in is due for a match that started on {@code startedOn}. */
    public LocalDate dueFrom(LocalDate startedOn) {
        return switch (this) {
            case WEEK_2 -> startedOn.plusWeeks(2);
            case WEEK_6 -> startedOn.plusWeeks(6);
            case MONTH_3 -> startedOn.plusMonths(3);
        };
    }
}
