package no.tilfrisk.directory;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * An offer's opening hours: the week, the dates that differ, and whether they are known at all («åpningstider ikke
 * oppgitt» when not: the offer is then never «open now»). On a Norwegian public holiday the offer is closed unless
 * a date exception opens it. An opening past midnight belongs to the day it starts: its tail after midnight counts
 * even when the next day is a holiday. The SQL of the search ({@code OfferRecords}) follows the same rules;
 * {@code OpenNowTest} holds the two to the same cases.
 */
public record OpeningHours(boolean known, List<WeeklyHours> week, List<DateHours> exceptions) {

    public static final OpeningHours UNKNOWN = new OpeningHours(false, List.of(), List.of());

    public OpeningHours {
        week = List.copyOf(week);
        exceptions = List.copyOf(exceptions);
    }

    /** The intervals that start on a date, as date-times (an end on the next day when past midnight). */
    public List<LocalDateTime[]> intervalsStarting(LocalDate date) {
        List<LocalDateTime[]> out = new ArrayList<>();
        if (!known) {
            return out;
        }
        Optional<DateHours> exception = exceptions.stream().filter(e -> e.date().equals(date)).findFirst();
        if (exception.isPresent()) {
            DateHours e = exception.get();
            if (!e.closed()) {
                out.add(interval(date, e.opens(), e.closes(), e.pastMidnight()));
            }
            return out;
        }
        if (NorwegianHolidays.isHoliday(date)) {
            return out;
        }
        week.stream().filter(h -> h.weekday() == date.getDayOfWeek())
                .sorted(Comparator.comparing(WeeklyHours::opens))
                .forEach(h -> out.add(interval(date, h.opens(), h.closes(), h.pastMidnight())));
        return out;
    }

    private static LocalDateTime[] interval(LocalDate date, LocalTime opens, LocalTime closes, boolean pastMidnight) {
        return new LocalDateTime[] {date.atTime(opens), (pastMidnight ? date.plusDays(1) : date).atTime(closes)};
    }

    /** Open at some moment of the window. */
    public boolean openIn(DayWindow window) {
        LocalDateTime from = window.date().atTime(window.from());
        LocalDateTime until = window.until() == null ? window.date().plusDays(1).atStartOfDay()
                : window.date().atTime(window.until());
        for (LocalDate start : List.of(window.date().minusDays(1), window.date())) {
            for (LocalDateTime[] interval : intervalsStarting(start)) {
                if (interval[0].isBefore(until) && interval[1].isAfter(from)) {
                    return true;
                }
            }
        }
        return false;
    }

    public boolean open(OpenWhen when, LocalDateTime now) {
        return when.windows(now).stream().anyMatch(this::openIn);
    }
}
