package no.tilfrisk.followup;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A number of contacts of one type in one department over a period, with no person. */
public record Tally(UUID id, UUID departmentId, String departmentName, ContactType type, LocalDate from, LocalDate to,
                   int count, Instant createdAt, String createdBy, Instant voidedAt, String voidReason) {

    public boolean voided() {
        return voidedAt != null;
    }
}
