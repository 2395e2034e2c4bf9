package no.tilfrisk.collaboration;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One record of the collaboration register. Which of title, partner, role and participants are filled depends on
 * the kind (see {@link CollaborationKind}). {@code endsOn} is only for councils and user offices, and open while
 * they last; a dated record has it null. No person is named in a record.
 */
public record CollaborationRecord(UUID id, CollaborationKind kind, UUID departmentId, String departmentName,
                                  String title, String partner, String role, LocalDate startsOn, LocalDate endsOn,
                                  Integer participants, String note, Instant createdAt, String createdBy) {

    /** The record without its number of participants: what a report reader sees (see {@link CollaborationRegister}). */
    public CollaborationRecord withoutParticipants() {
        return new CollaborationRecord(id, kind, departmentId, departmentName, title, partner, role, startsOn, endsOn,
                null, note, createdAt, createdBy);
    }

    /** Whether the record counts in the period (both dates included): a dated one on a day in it, a span overlapping it. */
    public boolean within(LocalDate from, LocalDate to) {
        LocalDate last = kind.period() ? endsOn : startsOn;
        return !startsOn.isAfter(to) && (last == null || !last.isBefore(from));
    }
}
