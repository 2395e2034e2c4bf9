package no.tilfrisk.transition;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A person's transition from an institution or prison to the municipality. A cancelled one keeps when, why and by
 * whom ({@code cancelledAt} set); it makes no alerts and counts in no figure.
 */
public record Transition(UUID id, UUID personId, TransitionKind kind, UUID institutionId, String institutionName,
                         LocalDate stayStartedOn, LocalDate expectedOn, LocalDate actualOn, String municipality,
                         String ownWords, UUID coordinatorId, Instant createdAt, Instant cancelledAt,
                         String cancelledReason, UUID cancelledBy) {

    public boolean cancelled() {
        return cancelledAt != null;
    }

    /** The date the first contact is counted from: the actual date once known, else the expected. */
    public LocalDate leftOn() {
        return actualOn != null ? actualOn : expectedOn;
    }
}
