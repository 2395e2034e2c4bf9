package no.tilfrisk.leisure;

import java.time.LocalDate;
import java.util.UUID;

/** A check-in not yet answered, and its day. */
public record DueCheckIn(UUID processId, UUID participantId, String participantName, CheckInDue due, LocalDate on) {
}
