package no.tilfrisk.followup;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One contact with everything on it, the note decrypted: only for staff who may see the person. A voided contact
 * keeps its data and says when, by whom and why it was voided.
 */
public record Contact(UUID id, UUID personId, String personName, Instant occurredAt, ContactType type,
                      EscortKind escortKind, Integer durationMinutes, List<Named> staff, List<Named> relatives,
                      String note, LocalDate followUpOn, Instant followUpDoneAt, Instant createdAt,
                      String createdBy, Instant voidedAt, String voidedBy, String voidReason) {

    public boolean voided() {
        return voidedAt != null;
    }

    /** A follow-up date that is set and not yet done, on a contact that stands. */
    public boolean followUpOpen() {
        return followUpOn != null && followUpDoneAt == null && voidedAt == null;
    }
}
