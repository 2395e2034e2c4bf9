package no.tilfrisk.volunteer.matching;

import java.time.DayOfWeek;
import java.util.Objects;

/** A weekday and a part of it, e.g. Tuesday evening. */
public record Slot(DayOfWeek day, PartOfDay part) {

    public Slot {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(part, "part");
    }
}
