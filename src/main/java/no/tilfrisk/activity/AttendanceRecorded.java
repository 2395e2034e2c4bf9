package no.tilfrisk.activity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Published inside the roll call's transaction when persons are newly marked present at a session (a repeated mark
 * publishes nothing). Ids and the time only; the webhook module listens after the commit.
 */
public record AttendanceRecorded(UUID organisationId, UUID activityId, UUID sessionId, List<UUID> personIds,
                                 Instant at) {
    public AttendanceRecorded {
        personIds = List.copyOf(personIds);
    }
}
