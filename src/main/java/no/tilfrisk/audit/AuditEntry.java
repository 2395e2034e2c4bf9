package no.tilfrisk.audit;

import java.time.Instant;
import java.util.UUID;

/** One row of the trail as people read it: the actor by name. */
public record AuditEntry(long seq, Instant at, UUID actorId, String actorName, UUID personId, AuditAction action,
                         String what, String requestId, String clientAddress) {
}
