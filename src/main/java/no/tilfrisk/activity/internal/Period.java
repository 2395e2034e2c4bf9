package no.tilfrisk.activity.internal;

import java.time.LocalDate;

/** The period a list is asked for: what the reader chose, else the calendar year of its start (this year). */
record Period(LocalDate from, LocalDate to) {

    static Period chosenOrThisYear(LocalDate from, LocalDate to, LocalDate today) {
        LocalDate start = from != null ? from : today.withDayOfYear(1);
        return new Period(start, to != null ? to : start.withDayOfYear(1).plusYears(1).minusDays(1));
    }
}
