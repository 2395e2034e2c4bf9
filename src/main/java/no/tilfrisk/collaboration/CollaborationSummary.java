package no.tilfrisk.collaboration;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the register holds for a period, per kind, for the annual report (sections 5, 6, 8 and 9): every kind is
 * present, with no records where none were registered.
 *
 * @param departmentId the department asked for, or null for the whole organisation
 * @param kinds        in the order of {@link CollaborationKind}
 */
public record CollaborationSummary(UUID departmentId, LocalDate from, LocalDate to,
                                   Map<CollaborationKind, KindSummary> kinds) {

    /**
     * The records of one kind in the period, oldest first.
     *
     * @param count        how many records
     * @param participants the sum of the participants registered, or null when no record of the kind has a number
     *                     (the report then says «not registered» rather than 0)
     * @param withoutParticipants how many records of a kind that counts participants have no number
     */
    public record KindSummary(CollaborationKind kind, int count, Integer participants, int withoutParticipants,
                              List<CollaborationRecord> records) {
    }

    /** The summary without numbers of participants: what a report reader sees. */
    public CollaborationSummary withoutParticipants() {
        Map<CollaborationKind, KindSummary> out = new EnumMap<>(CollaborationKind.class);
        kinds.forEach((k, s) -> out.put(k, new KindSummary(k, s.count(), null, 0,
                s.records().stream().map(CollaborationRecord::withoutParticipants).toList())));
        return new CollaborationSummary(departmentId, from, to, out);
    }

    public KindSummary of(CollaborationKind kind) {
        return kinds.get(kind);
    }

    public boolean isEmpty() {
        return kinds.values().stream().allMatch(k -> k.count() == 0);
    }
}
