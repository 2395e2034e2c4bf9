package no.tilfrisk.directory;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The time filters of the directory, each a set of {@link DayWindow}s seen from a moment in Oslo. */
public enum OpenWhen {
    /** open at this minute */
    NOW,
    /** open at some time from now (or 18:00, whichever is later) until midnight */
    TONIGHT,
    /** open at some time on the coming Saturday or Sunday (from now, on a weekend) */
    WEEKEND;

    static final LocalTime EVENING = LocalTime.of(18, 0);

    public List<DayWindow> windows(LocalDateTime now) {
        LocalDate today = now.toLocalDate();
        LocalTime time = now.toLocalTime().truncatedTo(ChronoUnit.MINUTES);
        return switch (this) {
            case NOW -> List.of(new DayWindow(today, time, time.equals(LocalTime.of(23, 59)) ? null : time.plusMinutes(1)));
            case TONIGHT -> List.of(new DayWindow(today, time.isAfter(EVENING) ? time : EVENING, null));
            case WEEKEND -> switch (today.getDayOfWeek()) {
                case SATURDAY -> List.of(new DayWindow(today, time, null), new DayWindow(today.plusDays(1), LocalTime.MIDNIGHT, null));
                case SUNDAY -> List.of(new DayWindow(today, time, null));
                default -> {
                    LocalDate saturday = today.plusDays(DayOfWeek.SATURDAY.getValue() - today.getDayOfWeek().getValue());
                    yield List.of(new DayWindow(saturday, LocalTime.MIDNIGHT, null),
                            new DayWindow(saturday.plusDays(1), LocalTime.MIDNIGHT, null));
                }
            };
        };
    }

    public List<DayWindow> windows(ZonedDateTime now) {
        return windows(now.toLocalDateTime());
    }

    /** The parameter's text ({@code naa}/{@code now}, {@code kveld}/{@code tonight}, {@code helg}/{@code weekend}), or empty. */
    public static Optional<OpenWhen> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "now", "naa", "nå" -> Optional.of(NOW);
            case "tonight", "kveld" -> Optional.of(TONIGHT);
            case "weekend", "helg" -> Optional.of(WEEKEND);
            default -> throw new IllegalArgumentException(text);
        };
    }

    public String param() {
        return name().toLowerCase(Locale.ROOT);
    }
}
