package no.tilfrisk.outcome;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * When a participant is measured: at intake (the start as participant, or else the first response), every three
 * months while active, at the end, and six and twelve months after. An occasion shows from two weeks before its
 * date, and is met by a response to the instrument from a month before its date on; one not met within three
 * months has passed, and the next takes over.
 */
public final class Schedule {

    public enum Kind { INTAKE, FOLLOW_UP, END, AFTER_6, AFTER_12 }

    public record Occasion(Kind kind, LocalDate date) {
    }

    static final int LEAD_DAYS = 14;
    static final int EARLY_DAYS = 30;
    static final int MISSED_AFTER_DAYS = 92;

    private Schedule() {
    }

    /** Every occasion of a participation up to the horizon: from start, to end (null while active). */
    public static List<Occasion> occasions(LocalDate start, LocalDate end, LocalDate horizon) {
        List<Occasion> all = new ArrayList<>();
        if (start == null) {
            return all;
        }
        all.add(new Occasion(Kind.INTAKE, start));
        for (int k = 1; ; k++) {
            LocalDate d = start.plusMonths(3L * k);
            if ((end != null && !d.isBefore(end)) || d.isAfter(horizon)) {
                break;
            }
            all.add(new Occasion(Kind.FOLLOW_UP, d));
        }
        if (end != null) {
            if (end.isAfter(start)) {
                all.add(new Occasion(Kind.END, end));
            }
            all.add(new Occasion(Kind.AFTER_6, end.plusMonths(6)));
            all.add(new Occasion(Kind.AFTER_12, end.plusMonths(12)));
        }
        return all.stream().filter(o -> !o.date().isAfter(horizon)).toList();
    }

    /** The occasion that is open today, if any: the latest that has begun showing and has not passed. */
    public static Optional<Occasion> current(LocalDate start, LocalDate end, LocalDate today) {
        List<Occasion> shown = occasions(start, end, today.plusDays(LEAD_DAYS));
        if (shown.isEmpty()) {
            return Optional.empty();
        }
        Occasion latest = shown.get(shown.size() - 1);
        return latest.date().isBefore(today.minusDays(MISSED_AFTER_DAYS)) ? Optional.empty() : Optional.of(latest);
    }

    /** The instruments not yet answered for the open occasion, given each one's latest answer date. */
    public static List<String> dueInstruments(Occasion occasion, List<String> scheduled, Map<String, LocalDate> latestAnswer) {
        LocalDate from = occasion.date().minusDays(EARLY_DAYS);
        return scheduled.stream()
                .filter(i -> latestAnswer.get(i) == null || latestAnswer.get(i).isBefore(from))
                .toList();
    }
}
