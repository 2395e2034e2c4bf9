package no.tilfrisk.directory;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * A stretch of one day in Oslo, {@code from} up to {@code until} ({@code null}: to midnight), in which an offer is
 * asked to be open at some moment. «Åpent nå» is a one-minute window; «i kveld» and «i helgen» are longer ones.
 */
public record DayWindow(LocalDate date, LocalTime from, LocalTime until) {

    /** The end as PostgreSQL's {@code time} reads it: {@code 24:00} for midnight. */
    public String untilText() {
        return until == null ? "24:00" : until.toString();
    }

    public boolean holiday() {
        return NorwegianHolidays.isHoliday(date);
    }

    public boolean dayBeforeHoliday() {
        return NorwegianHolidays.isHoliday(date.minusDays(1));
    }
}
