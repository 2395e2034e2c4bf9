package no.tilfrisk.activity;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/** One meeting of a group, or the event itself: when, where, and its head-counts. */
public record ActivitySession(UUID id, UUID activityId, LocalDate date, LocalTime startTime, LocalTime endTime,
                              String place, int adults, int children, int guests, int named, boolean cancelled,
                              String cancelReason) {

    public int attendances() {
        return cancelled ? 0 : named + adults + children;
    }
}
