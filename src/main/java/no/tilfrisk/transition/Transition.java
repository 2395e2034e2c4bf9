package no.tilfrisk.transition;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A person's transition from an institution or prison to the municipality. */
public record Transition(UUID id, UUID personId, TransitionKind kind, UUID institutionId, String institutionName,
                         LocalDate stayStartedOn, LocalDate expectedOn, LocalDate actualOn, String municipality,
                         String ownWords, UUID coordinatorId, Instant createdAt) {

    /** The date the first contact is counted from: the actual date once known, else the expected. */
    public LocalDate leftOn() {
        return actualOn != null ? actualOn : expectedOn;
    }
}
