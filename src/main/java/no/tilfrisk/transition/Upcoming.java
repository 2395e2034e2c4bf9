package no.tilfrisk.transition;

import java.time.LocalDate;
import java.util.UUID;

/** A coming transition in the staff list: whose, which kind, when, and how many items are not in place. */
public record Upcoming(UUID id, UUID personId, String personName, TransitionKind kind, String institutionName,
                       LocalDate expectedOn, long openItems, long items) {
}
