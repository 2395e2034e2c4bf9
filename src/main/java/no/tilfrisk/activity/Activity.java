package no.tilfrisk.activity;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A group or an event of one department, with its period, leaders and partners. */
public record Activity(UUID id, UUID departmentId, String name, ActivityFormat format, ActivityKind kind,
                       LocalDate startDate, LocalDate endDate, String description, List<String> partners,
                       boolean lowThreshold, List<UUID> leaderIds, boolean archived) {

    public boolean covers(LocalDate date) {
        return !date.isBefore(startDate) && (endDate == null || !date.isAfter(endDate));
    }
}
