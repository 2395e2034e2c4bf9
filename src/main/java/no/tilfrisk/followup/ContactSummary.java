package no.tilfrisk.followup;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A contact in a list: never the note. */
public record ContactSummary(UUID id, UUID personId, String personName, Instant occurredAt, ContactType type,
                             EscortKind escortKind, Integer durationMinutes, List<String> staffNames,
                             LocalDate followUpOn, boolean followUpDone, boolean voided) {
}
